package dev.bulwark.trust.client.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrustDirKeyStoreTest {
  private static final String GUN = "example.com/app";
  @TempDir Path trustDir;

  private TrustDirKeyStore store(String passphrase) {
    PassphraseSource none =
        r -> {
          throw new KeystoreException("no terminal");
        };
    return new TrustDirKeyStore(
        trustDir,
        new EnvPassphrases(
            Map.of(
                "BULWARK_ROOT_PASSPHRASE", passphrase,
                "BULWARK_TARGETS_PASSPHRASE", passphrase,
                "BULWARK_DELEGATION_PASSPHRASE", passphrase),
            none),
        new SecureRandom(),
        1000);
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyAlgorithm.class,
      names = {"ECDSA", "ED25519"})
  void generatedKey_unlocksWithItsPassphrase_andSigns(KeyAlgorithm alg) throws Exception {
    UnlockedKey made = store("s3cret-pass").generate("targets", GUN, alg);
    UnlockedKey back = store("s3cret-pass").unlock(made.keyId());
    assertThat(back.publicKey()).isEqualTo(made.publicKey());
    assertThat(back.gun()).isEqualTo(GUN);
    String sigAlg =
        switch (alg) {
          case ECDSA -> "SHA256withECDSA";
          case ED25519 -> "Ed25519";
          case RSA -> "SHA256withRSA";
        };
    Signature s = Signature.getInstance(sigAlg);
    s.initSign(back.privateKey());
    s.update(new byte[] {1, 2, 3});
    byte[] sig = s.sign();
    s.initVerify(made.publicKey());
    s.update(new byte[] {1, 2, 3});
    assertThat(s.verify(sig)).isTrue();
  }

  @Test
  void keyFile_isPbes2Aes256WithTheHmacSha1PrfTheNotaryClientReads_private_withRoleHeaders()
      throws Exception {
    UnlockedKey k = store("s3cret-pass").generate("targets", GUN, KeyAlgorithm.ECDSA);
    Path f = trustDir.resolve("private").resolve(k.keyId() + ".key");
    String text = Files.readString(f);
    assertThat(text)
        .startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
        .contains("role: targets")
        .contains("gun: " + GUN);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw-------");
    EncryptedPrivateKeyInfo info =
        EncryptedPrivateKeyInfo.getInstance(KeyFileCodec.parse(text, "t").der());
    assertThat(info.getEncryptionAlgorithm().getAlgorithm())
        .isEqualTo(PKCSObjectIdentifiers.id_PBES2);
    PBES2Parameters pbes2 =
        PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
    assertThat(pbes2.getEncryptionScheme().getAlgorithm())
        .isEqualTo(NISTObjectIdentifiers.id_aes256_CBC);
    PBKDF2Params kdf = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
    // notary 0.7 derives with HMAC-SHA1 whatever the file says: a key written with
    // hmacWithSHA256 was "not found" by the real client in a shared trust dir.
    assertThat(kdf.getPrf().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_hmacWithSHA1);
  }

  @Test
  void toString_neverShowsPrivateKeyMaterial() throws Exception {
    UnlockedKey k = store("s3cret-pass").generate("root", GUN, KeyAlgorithm.ECDSA);
    String encoded = java.util.HexFormat.of().formatHex(k.privateKey().getEncoded());
    assertThat(k.toString()).contains("redacted").doesNotContain(encoded).doesNotContain("s3cret");
  }

  @Test
  void wrongPassphrase_isRefused_andChangesNothing() throws Exception {
    UnlockedKey k = store("right-pass").generate("targets", GUN, KeyAlgorithm.ECDSA);
    Path f = trustDir.resolve("private").resolve(k.keyId() + ".key");
    byte[] before = Files.readAllBytes(f);
    assertThatThrownBy(() -> store("wrong-pass").unlock(k.keyId()))
        .isInstanceOf(WrongPassphraseException.class)
        .hasMessageContaining("BULWARK_TARGETS_PASSPHRASE");
    assertThat(Files.readAllBytes(f)).isEqualTo(before);
  }

  @Test
  void corruptedKeyFile_givesClearError() throws Exception {
    UnlockedKey k = store("right-pass").generate("targets", GUN, KeyAlgorithm.ECDSA);
    Path f = trustDir.resolve("private").resolve(k.keyId() + ".key");
    String text = Files.readString(f);
    Files.writeString(
        f,
        text.replace(
            text.substring(text.length() - 80, text.length() - 60), "AAAAAAAAAAAAAAAAAAAA"));
    assertThatThrownBy(() -> store("right-pass").unlock(k.keyId()))
        .isInstanceOf(KeystoreException.class)
        .hasMessageContaining(f.toString());
  }

  @Test
  void missingKey_isKeyNotFound() {
    assertThatThrownBy(() -> store("p").unlock("ab".repeat(32)))
        .isInstanceOf(KeyNotFoundException.class)
        .hasMessageContaining("abab");
  }

  @Test
  void noPassphraseAndNoTerminal_failsWithHowToFix() {
    TrustDirKeyStore s =
        new TrustDirKeyStore(
            trustDir, new EnvPassphrases(Map.of(), new ConsolePassphrases()), new SecureRandom());
    // A test runner has no terminal (System.console() may still be non-null on JDK 22+).
    assertThatThrownBy(() -> s.generate("root", GUN, KeyAlgorithm.ECDSA))
        .hasMessageContaining("BULWARK_ROOT_PASSPHRASE");
    assertThat(trustDir.resolve("private")).doesNotExist();
  }

  @Test
  void notaryStyleKey_pbkdf2Sha1_importsAndIsReencrypted() throws Exception {
    String pem = resource("notary-style-targets.key");
    TrustDirKeyStore s =
        new TrustDirKeyStore(
            trustDir,
            r -> (r.keyId().equals("import") ? "notary-pass" : "new-pass-123").toCharArray(),
            new SecureRandom());
    UnlockedKey k = s.importPem(pem, null, null);
    assertThat(k.role()).isEqualTo("targets");
    assertThat(k.gun()).isEqualTo(GUN);
    assertThat(store("new-pass-123").unlock(k.keyId()).publicKey()).isEqualTo(k.publicKey());
  }

  @Test
  void notaryStyleKeyInPlace_unlocksWithNotaryEnvVar() throws Exception {
    String pem = resource("notary-style-targets.key");
    var priv = KeyFileCodec.decrypt(KeyFileCodec.parse(pem, "t"), "notary-pass".toCharArray(), "t");
    String id = KeyIds.canonicalId(PublicKeys.derive(priv));
    Files.createDirectories(trustDir.resolve("private"));
    Files.writeString(trustDir.resolve("private").resolve(id + ".key"), pem);
    TrustDirKeyStore s =
        new TrustDirKeyStore(
            trustDir,
            new EnvPassphrases(Map.of("NOTARY_TARGETS_PASSPHRASE", "notary-pass"), r -> null),
            new SecureRandom());
    assertThat(s.forRole("targets", GUN)).hasSize(1);
    assertThat(s.unlock(id).keyId()).isEqualTo(id);
  }

  @Test
  void exportAndRemove() throws Exception {
    TrustDirKeyStore s = store("p4ssphrase");
    UnlockedKey k = s.generate("targets/releases", GUN, KeyAlgorithm.ECDSA);
    assertThat(s.exportEncrypted(k.keyId()))
        .contains("ENCRYPTED PRIVATE KEY")
        .contains("role: targets/releases");
    assertThat(s.list()).extracting(StoredKey::gun).containsExactly("");
    s.remove(k.keyId());
    assertThat(s.list()).isEmpty();
    assertThatThrownBy(() -> s.remove(k.keyId())).isInstanceOf(KeyNotFoundException.class);
  }

  private static String resource(String name) throws IOException {
    try (var in =
        Objects.requireNonNull(
            TrustDirKeyStoreTest.class.getResourceAsStream("/keystore/" + name))) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
