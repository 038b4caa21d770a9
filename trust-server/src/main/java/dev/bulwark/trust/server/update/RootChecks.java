package dev.bulwark.trust.server.update;

import dev.bulwark.trust.core.error.ExpiredMetadataException;
import dev.bulwark.trust.core.error.ThresholdNotMetException;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Root;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** Root acceptance rules (Notary {@code validateUpdate} + {@code trustpinning.ValidateRoot}). */
final class RootChecks {
  private static final String BAD_ROOT = "ErrBadRoot";

  private RootChecks() {}

  /**
   * Checks an uploaded root against the stored one: version current or current+1, signed by a
   * threshold of the old root keys and of its own, not expired, root certificates issued for the
   * GUN.
   */
  static void check(String gun, Optional<Metadata<Root>> old, Metadata<Root> next, Instant now)
      throws InvalidUpdateException {
    if (old.isPresent()) {
      long cur = old.get().signed().version();
      long nv = next.signed().version();
      // Notary: the same version or the next; a same-version root passes validation and is then
      // refused by the store as 400 VERSION (research/notary.md §2.2 steps 2-3).
      if (nv != cur && nv != cur + 1) {
        throw new InvalidUpdateException(
            BAD_ROOT,
            "Root modifications must increment the version. Current " + cur + ", new " + nv);
      }
      try {
        // TUF 5.3.4: the new root is signed by a threshold of the trusted root's root keys.
        old.get().signed().verify(RoleType.ROOT, next);
      } catch (ThresholdNotMetException e) {
        throw new InvalidUpdateException(
            BAD_ROOT, "rotation not signed by the previous root keys: " + e.getMessage());
      }
    }
    Set<String> signers;
    try {
      // TUF 5.3.4 (second half): and by a threshold of its own root keys.
      signers = next.signed().verify(RoleType.ROOT, next);
      next.checkNotExpired("root", now);
    } catch (ThresholdNotMetException | ExpiredMetadataException e) {
      throw new InvalidUpdateException(BAD_ROOT, e.getMessage());
    }
    checkCertificates(gun, next.signed(), signers, now);
  }

  /** Notary fact 14: root certificates must name the GUN (CN) and be within their validity. */
  private static void checkCertificates(String gun, Root root, Set<String> signers, Instant now)
      throws InvalidUpdateException {
    Role role = root.role(RoleType.ROOT);
    int valid = 0;
    String why = "no root key signed";
    for (String id : signers) {
      Key k = root.keys().get(id);
      if (k == null || k.certificates().isEmpty()) {
        valid++;
        continue;
      }
      X509Certificate leaf = k.certificates().getFirst();
      String cn = commonName(leaf);
      if (!gun.equals(cn)) {
        why = "root certificate " + id + " has CN " + cn + ", expected the GUN " + gun;
      } else if (now.isAfter(leaf.getNotAfter().toInstant())
          || now.plus(Duration.ofDays(1)).isBefore(leaf.getNotBefore().toInstant())) {
        why = "root certificate " + id + " is not valid at " + now;
      } else {
        valid++;
      }
    }
    if (valid < role.threshold()) {
      throw new InvalidUpdateException(BAD_ROOT, why);
    }
  }

  private static String commonName(X509Certificate cert) {
    try {
      for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return rdn.getValue().toString();
        }
      }
    } catch (InvalidNameException e) {
      return "";
    }
    return "";
  }
}
