package dev.bulwark.trust.client.notary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** CA pinning, including the deliberate fix of Notary 0.7's EKU bug (research/notary.md §6). */
class CaPinningTest {
  private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");
  private static final String GUN = "localhost:5000/linuxkit/alpine";

  private final KeyPair caKeys = ec();
  private final X509Certificate ca = cert("CN=Test CA", caKeys, "CN=Test CA", caKeys, true, null);

  @Test
  void caIssuedRootCertWithCodeSigningEku_isAccepted_unlikeNotary07() throws Exception {
    X509Certificate leaf = leaf(ca, caKeys, KeyPurposeId.id_kp_codeSigning);
    assertThat(pin(ca).accepts(key(leaf))).isTrue();
  }

  @Test
  void caIssuedRootCertWithoutEku_isAccepted() throws Exception {
    assertThat(pin(ca).accepts(key(leaf(ca, caKeys, null)))).isTrue();
  }

  @Test
  void rootCertWithOnlyAnUnrelatedEku_isRefused() throws Exception {
    assertThat(pin(ca).accepts(key(leaf(ca, caKeys, KeyPurposeId.id_kp_emailProtection))))
        .isFalse();
  }

  @Test
  void rootCertFromAnotherCa_isRefused() throws Exception {
    KeyPair otherKeys = ec();
    X509Certificate other = cert("CN=Other CA", otherKeys, "CN=Other CA", otherKeys, true, null);
    assertThat(pin(ca).accepts(key(leaf(other, otherKeys, KeyPurposeId.id_kp_codeSigning))))
        .isFalse();
  }

  @Test
  void selfSignedRootCert_isRefusedUnderCaPin() throws Exception {
    KeyPair own = ec();
    X509Certificate self =
        cert("CN=" + GUN, own, "CN=" + GUN, own, false, KeyPurposeId.id_kp_codeSigning);
    assertThat(pin(ca).accepts(key(self))).isFalse();
  }

  private static PinCheck.CaChain pin(X509Certificate anchor) {
    return new PinCheck.CaChain(Set.of(new TrustAnchor(anchor, null)), NOW);
  }

  private static Key key(X509Certificate leaf) throws Exception {
    return Key.ofCertificates(Dialect.NOTARY, List.of(leaf));
  }

  private static X509Certificate leaf(
      X509Certificate issuer, KeyPair issuerKeys, KeyPurposeId eku) {
    return cert(
        "CN=" + GUN, ec(), issuer.getSubjectX500Principal().getName(), issuerKeys, false, eku);
  }

  private static KeyPair ec() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate cert(
      String subject,
      KeyPair subjectKeys,
      String issuer,
      KeyPair issuerKeys,
      boolean isCa,
      KeyPurposeId eku) {
    try {
      var b =
          new JcaX509v3CertificateBuilder(
              new X500Name(issuer),
              BigInteger.valueOf(System.nanoTime()),
              Date.from(NOW.minus(Duration.ofDays(1))),
              Date.from(NOW.plus(Duration.ofDays(365))),
              new X500Name(subject),
              subjectKeys.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      b.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(isCa ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
      if (eku != null) {
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(eku));
      }
      var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
