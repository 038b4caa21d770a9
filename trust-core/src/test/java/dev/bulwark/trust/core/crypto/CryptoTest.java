package dev.bulwark.trust.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.core.error.UnsupportedKeyException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Key encodings, curve/size limits and PSS salt tolerance. */
class CryptoTest {
  private static final byte[] MSG = "message".getBytes(StandardCharsets.UTF_8);
  private static KeyPair rsa;

  @BeforeAll
  static void rsaKey() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    rsa = g.generateKeyPair();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 32, 222})
  void pssSignaturesWithCommonSaltLengths_verify(int salt) throws Exception {
    Signature s = Signature.getInstance("RSASSA-PSS");
    s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, salt, 1));
    s.initSign(rsa.getPrivate());
    s.update(MSG);
    byte[] sig = s.sign();
    assertThat(SignatureAlgorithm.RSASSA_PSS_SHA256.verify(rsa.getPublic(), MSG, sig)).isTrue();
    assertThat(SignatureAlgorithm.RSASSA_PSS_SHA256.verify(rsa.getPublic(), new byte[] {1}, sig))
        .isFalse();
  }

  @Test
  void algorithmRefusesKeyOfAnotherFamily() {
    KeyPair ed = KeyAlgorithm.ED25519.generate();
    byte[] sig = SignatureAlgorithm.ED25519.sign(ed.getPrivate(), MSG);
    assertThat(SignatureAlgorithm.ECDSA_P256_SHA256_DER.verify(ed.getPublic(), MSG, sig)).isFalse();
    assertThatThrownBy(() -> SignatureAlgorithm.RSASSA_PSS_SHA256.sign(ed.getPrivate(), MSG))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void garbageSignature_isFalseNotException() {
    KeyPair ec = KeyAlgorithm.ECDSA_P256.generate();
    assertThat(SignatureAlgorithm.ECDSA_P256_SHA256_DER.verify(ec.getPublic(), MSG, new byte[0]))
        .isFalse();
    assertThat(SignatureAlgorithm.ECDSA_P256_SHA256_RAW.verify(ec.getPublic(), MSG, new byte[64]))
        .isFalse();
  }

  @Test
  void ed25519Raw_roundTrips() throws UnsupportedKeyException {
    PublicKey pk = KeyAlgorithm.ED25519.generate().getPublic();
    byte[] raw = PublicKeys.ed25519Raw(pk);
    assertThat(raw).hasSize(32);
    assertThat(PublicKeys.ed25519FromRaw(raw)).isEqualTo(pk);
    assertThatThrownBy(() -> PublicKeys.ed25519FromRaw(new byte[31]))
        .isInstanceOf(UnsupportedKeyException.class);
  }

  @Test
  void pem_roundTripsForEveryFamily() throws UnsupportedKeyException {
    for (PublicKey pk :
        new PublicKey[] {
          KeyAlgorithm.ED25519.generate().getPublic(),
          KeyAlgorithm.ECDSA_P256.generate().getPublic(),
          rsa.getPublic()
        }) {
      assertThat(PublicKeys.fromPem(PublicKeys.toPem(pk))).isEqualTo(pk);
      assertThat(PublicKeys.fromPem(PublicKeys.toPem(pk).replace("\n", "\r\n"))).isEqualTo(pk);
    }
  }

  @Test
  void ecKeyOnP384_isUnsupported() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp384r1"));
    byte[] der = g.generateKeyPair().getPublic().getEncoded();
    assertThatThrownBy(() -> PublicKeys.fromSpki(der))
        .isInstanceOf(UnsupportedKeyException.class)
        .hasMessageContaining("P-256");
  }

  @Test
  void rsaKeyBelow2048Bits_isUnsupported() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(1024);
    byte[] der = g.generateKeyPair().getPublic().getEncoded();
    assertThatThrownBy(() -> PublicKeys.fromSpki(der))
        .isInstanceOf(UnsupportedKeyException.class)
        .hasMessageContaining("2048");
  }
}
