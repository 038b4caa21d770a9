package dev.bulwark.trust.client.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.Test;

/** The provider-free PBES2 path gives exactly what the BouncyCastle JCA provider gives. */
class Pbes2DecryptorTest {
  private static final char[] PASS = "correct horse".toCharArray();

  @Test
  void bulwarkKeyFile_pbkdf2Sha256Aes256_decryptsLikeTheProvider() throws Exception {
    PrivateKey key = ecKey();
    String pem = new KeyFileCodec(new SecureRandom(), 1000).encrypt(key, PASS, Map.of());
    byte[] der = KeyFileCodec.parse(pem, "t").der();

    byte[] fast = Pbes2Decryptor.decrypt(EncryptedPrivateKeyInfo.getInstance(der), PASS).get();

    assertThat(fast).isEqualTo(viaProvider(der, PASS)).isEqualTo(key.getEncoded());
  }

  @Test
  void notaryKeyFile_pbkdf2Sha1_decryptsLikeTheProvider() throws Exception {
    byte[] der = KeyFileCodec.parse(resource("notary-style-targets.key"), "t").der();
    char[] pass = "notary-pass".toCharArray();

    byte[] fast = Pbes2Decryptor.decrypt(EncryptedPrivateKeyInfo.getInstance(der), pass).get();

    assertThat(fast).isEqualTo(viaProvider(der, pass));
  }

  @Test
  void wrongPassphrase_isRefusedByTheCodec() throws Exception {
    String pem = new KeyFileCodec(new SecureRandom(), 1000).encrypt(ecKey(), PASS, Map.of());

    assertThatThrownBy(
            () -> KeyFileCodec.decrypt(KeyFileCodec.parse(pem, "t"), "wrong".toCharArray(), "t"))
        .isInstanceOf(WrongPassphraseException.class)
        .hasMessageContaining("wrong passphrase");
  }

  @Test
  void otherScheme_isLeftToTheProvider() throws Exception {
    // PBES1 (pbeWithSHAAnd3-KeyTripleDES-CBC, PKCS#12) is not PBES2: no answer here.
    byte[] der =
        new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(
                ecKey(),
                new org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder(
                        org.bouncycastle.openssl.PKCS8Generator.PBE_SHA1_3DES)
                    .setProvider(new BouncyCastleProvider())
                    .setPassword(PASS)
                    .setIterationCount(1000)
                    .build())
            .generate()
            .getContent();

    Optional<byte[]> r = Pbes2Decryptor.decrypt(EncryptedPrivateKeyInfo.getInstance(der), PASS);

    assertThat(r).isEmpty();
  }

  private static byte[] viaProvider(byte[] der, char[] pass) throws Exception {
    return new PKCS8EncryptedPrivateKeyInfo(der)
        .decryptPrivateKeyInfo(
            new JceOpenSSLPKCS8DecryptorProviderBuilder()
                .setProvider(new BouncyCastleProvider())
                .build(pass))
        .getEncoded();
  }

  private static PrivateKey ecKey() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair().getPrivate();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Pbes2DecryptorTest.class.getResourceAsStream("/keystore/" + name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
