package dev.bulwark.trust.client.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RootCertificatesTest {
  private static final Instant NOW = Instant.parse("2026-11-28T20:00:00Z");

  private static UnlockedKey key(KeyAlgorithm alg) throws Exception {
    var pair = alg.generate(new SecureRandom());
    return new UnlockedKey(
        KeyIds.canonicalId(pair.getPublic()), "root", "", pair.getPrivate(), pair.getPublic());
  }

  @Test
  void rootCert_isNotaryShaped_cnIsGun_tenYears_codeSigning() throws Exception {
    UnlockedKey k = key(KeyAlgorithm.ECDSA);
    var cert =
        RootCertificates.selfSigned(k, "localhost:5000/linuxkit/busybox", NOW, new SecureRandom());
    assertThat(cert.getSubjectX500Principal().getName())
        .isEqualTo("CN=localhost:5000/linuxkit/busybox");
    assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
    assertThat(
            Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant())
                .toDays())
        .isEqualTo(3650);
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.3");
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(cert.getPublicKey()).isEqualTo(k.publicKey());
    cert.verify(k.publicKey());
    assertThat(RootCertificates.pem(cert)).startsWith("-----BEGIN CERTIFICATE-----");
  }

  @Test
  void nonEcdsaRootKey_isRefused() throws Exception {
    UnlockedKey k = key(KeyAlgorithm.ED25519);
    assertThatThrownBy(() -> RootCertificates.selfSigned(k, "g", NOW, new SecureRandom()))
        .hasMessageContaining("ECDSA");
  }
}
