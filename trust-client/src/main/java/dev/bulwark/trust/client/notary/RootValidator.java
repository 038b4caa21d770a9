package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.core.error.ThresholdNotMetException;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Root;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Notary's root validation ({@code trustpinning/certs.go ValidateRoot}, research/notary.md §3.6):
 * root keys are X.509 certificates whose CN must be the GUN; a new root must be signed by a
 * threshold of the previously trusted root's certificates, must satisfy trust pinning, and must be
 * signed by a threshold of its own valid, pinned certificates.
 */
public final class RootValidator {
  /** Notary allows a certificate's NotBefore to be up to one day in the future. */
  private static final Duration NOT_BEFORE_LEEWAY = Duration.ofDays(1);

  private final Gun gun;
  private final TrustPinning pinning;

  public RootValidator(Gun gun, TrustPinning pinning) {
    this.gun = Objects.requireNonNull(gun, "gun");
    this.pinning = Objects.requireNonNull(pinning, "pinning");
  }

  /**
   * Validates {@code candidate} as the next trusted root after {@code trusted} (empty on first
   * use).
   *
   * @throws RootRotationException not signed by the previous root's certificates
   * @throws TrustPinningException refused by the pinning config
   * @throws ThresholdNotMetException not signed by its own root certificates
   */
  public void validate(Optional<Metadata<Root>> trusted, Metadata<Root> candidate, Instant now)
      throws TrustException {
    Map<String, Key> newCerts = validLeafKeys(candidate.signed(), Optional.of(now));
    if (newCerts.isEmpty()) {
      throw new TrustPinningException(
          "root v"
              + candidate.signed().version()
              + " of "
              + gun
              + ": no valid leaf certificates found in any of the root keys (CN must be \""
              + gun
              + "\", not expired, no SHA-1, RSA >= 2048)");
    }
    if (trusted.isPresent()) {
      checkRotation(trusted.get().signed(), candidate);
    }
    PinCheck pin = PinCheck.forGun(pinning, gun, trusted.isEmpty(), now);
    Map<String, Key> pinned = new LinkedHashMap<>();
    newCerts.forEach(
        (id, k) -> {
          if (pin.accepts(k)) {
            pinned.put(id, k);
          }
        });
    if (pinned.isEmpty()) {
      throw new TrustPinningException(
          "could not validate the path to a trusted root of "
              + gun
              + ": unable to match any certificates to trust_pinning config");
    }
    // Notary: "failed to validate integrity of roots" - own threshold over the pinned certs.
    Role own = candidate.signed().role(RoleType.ROOT);
    candidate.verify("root", new Role(List.copyOf(pinned.keySet()), own.threshold()), pinned);
  }

  // TUF 5.3.4 / Notary ValidateRoot: threshold of the previous root's (unexpired or not) certs.
  private void checkRotation(Root previous, Metadata<Root> candidate) throws TrustException {
    Map<String, Key> oldCerts = validLeafKeys(previous, Optional.empty());
    Role oldRole = previous.role(RoleType.ROOT);
    try {
      candidate.verify(
          "root", new Role(List.copyOf(oldCerts.keySet()), oldRole.threshold()), oldCerts);
    } catch (ThresholdNotMetException e) {
      throw new RootRotationException(
          "root v"
              + candidate.signed().version()
              + " of "
              + gun
              + " is not signed by a threshold ("
              + oldRole.threshold()
              + ") of the root keys of trusted root v"
              + previous.version()
              + ": "
              + e.getMessage());
    }
  }

  /**
   * The root role's keys whose leaf certificate has CN = GUN and passes Notary's certificate
   * checks; expiry is checked only when {@code now} is given (a trusted old root may have expired
   * certificates).
   */
  Map<String, Key> validLeafKeys(Root root, Optional<Instant> now) {
    Map<String, Key> out = new LinkedHashMap<>();
    for (String id : root.role(RoleType.ROOT).keyIds()) {
      Key key = root.keys().get(id);
      if (key != null
          && !key.certificates().isEmpty()
          && valid(key.certificates().getFirst(), now)) {
        out.put(id, key);
      }
    }
    return out;
  }

  private boolean valid(X509Certificate leaf, Optional<Instant> now) {
    if (!gun.name().equals(commonName(leaf))) {
      return false;
    }
    if (leaf.getNotBefore().toInstant().isAfter(leaf.getNotAfter().toInstant())
        || leaf.getSigAlgName().toUpperCase(java.util.Locale.ROOT).contains("SHA1")) {
      return false;
    }
    if (leaf.getPublicKey() instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
      return false;
    }
    return now.map(
            t ->
                !leaf.getNotBefore().toInstant().isAfter(t.plus(NOT_BEFORE_LEEWAY))
                    && !t.isAfter(leaf.getNotAfter().toInstant()))
        .orElse(true);
  }

  static String commonName(X509Certificate cert) {
    try {
      var name = new javax.naming.ldap.LdapName(cert.getSubjectX500Principal().getName());
      for (var rdn : name.getRdns().reversed()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return rdn.getValue().toString();
        }
      }
    } catch (javax.naming.InvalidNameException e) {
      return null;
    }
    return null;
  }
}
