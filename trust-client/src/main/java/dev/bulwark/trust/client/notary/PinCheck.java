package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.core.model.Key;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How one root certificate is judged against the trust pinning config for a GUN (Notary's {@code
 * trustpinning/trustpin.go}): cert ID pin, CA pin, or trust on first use.
 */
sealed interface PinCheck {
  /** Whether the root key {@code key} (an x509 key: leaf first, then intermediates) is pinned. */
  boolean accepts(Key key);

  /** Picks the mode for {@code gun}: certs beat CA, CA beats TOFU. */
  static PinCheck forGun(TrustPinning pinning, Gun gun, boolean firstUse, Instant now)
      throws TrustPinningException {
    var certIds = pinning.pinnedCertIds(gun);
    if (certIds.isPresent()) {
      return new CertIds(Set.copyOf(certIds.get()));
    }
    var ca = pinning.pinnedCa(gun);
    if (ca.isPresent()) {
      return new CaChain(loadAnchors(ca.get()), now);
    }
    if (pinning.disableTofu() && firstUse) {
      throw new TrustPinningException(
          "invalid trust pinning specified: TOFU is disabled and no cert or CA is pinned for "
              + gun);
    }
    return new Tofu();
  }

  /** Pinned by root certificate key ID (the ID listed in root.json). */
  record CertIds(Set<String> ids) implements PinCheck {
    @Override
    public boolean accepts(Key key) {
      return ids.contains(key.id());
    }
  }

  /**
   * The leaf must chain to one of {@code anchors}, intermediates taken from the key's bundle.
   * Unlike Notary 0.7 (which verified with Go's default EKU serverAuth and so refused its own
   * codeSigning root certificates, research/notary.md §6), an EKU of codeSigning, serverAuth or any
   * is accepted.
   */
  record CaChain(Set<TrustAnchor> anchors, Instant now) implements PinCheck {
    private static final Set<String> ACCEPTED_EKU =
        Set.of("1.3.6.1.5.5.7.3.3", "1.3.6.1.5.5.7.3.1", "2.5.29.37.0");

    @Override
    public boolean accepts(Key key) {
      List<X509Certificate> chain = key.certificates();
      if (chain.isEmpty() || !ekuAcceptable(chain.getFirst())) {
        return false;
      }
      try {
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(chain.getFirst());
        PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
        params.setRevocationEnabled(false);
        params.setDate(Date.from(now));
        params.addCertStore(
            CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
        CertPathBuilder.getInstance("PKIX").build(params);
        return true;
      } catch (GeneralSecurityException e) {
        return false;
      }
    }

    private static boolean ekuAcceptable(X509Certificate leaf) {
      try {
        List<String> eku = leaf.getExtendedKeyUsage();
        return eku == null || eku.stream().anyMatch(ACCEPTED_EKU::contains);
      } catch (java.security.cert.CertificateParsingException e) {
        return false;
      }
    }
  }

  /** Trust on first use: any certificate (later roots are still bound by the rotation rule). */
  record Tofu() implements PinCheck {
    @Override
    public boolean accepts(Key key) {
      return true;
    }
  }

  private static Set<TrustAnchor> loadAnchors(Path bundle) throws TrustPinningException {
    try {
      if (!Files.isRegularFile(bundle)) {
        throw new TrustPinningException("pinned CA file " + bundle + " does not exist");
      }
      List<X509Certificate> certs = new ArrayList<>();
      for (var c : NotaryTls.certificates(bundle)) {
        certs.add((X509Certificate) c);
      }
      Set<TrustAnchor> anchors = new HashSet<>();
      certs.forEach(c -> anchors.add(new TrustAnchor(c, null)));
      return anchors;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new TrustPinningException(
          "pinned CA file " + bundle + " is unusable: " + e.getMessage());
    }
  }
}
