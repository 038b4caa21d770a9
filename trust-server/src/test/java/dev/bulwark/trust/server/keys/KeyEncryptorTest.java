package dev.bulwark.trust.server.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;

class KeyEncryptorTest {
  private final KeyEncryptor enc =
      new KeyEncryptor("a secret of enough length".getBytes(StandardCharsets.UTF_8));

  @Test
  void sealedKey_opensWithTheSameSecretAndRow() throws Exception {
    byte[] sealed = enc.encrypt(new byte[] {1, 2, 3}, "gun\ntimestamp\nid");
    assertThat(enc.decrypt(sealed, "gun\ntimestamp\nid")).containsExactly(1, 2, 3);
  }

  @Test
  void ciphertextCopiedToAnotherRow_doesNotOpen() {
    byte[] sealed = enc.encrypt(new byte[] {1, 2, 3}, "gun-a\ntimestamp\nid");
    assertThatThrownBy(() -> enc.decrypt(sealed, "gun-b\ntimestamp\nid"))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void wrongSecret_doesNotOpen() {
    byte[] sealed = enc.encrypt(new byte[] {1, 2, 3}, "row");
    KeyEncryptor other =
        new KeyEncryptor("another secret, also long".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> other.decrypt(sealed, "row"))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void ciphertextDoesNotContainThePlaintext() {
    byte[] secret = "PRIVATE-KEY-BYTES".getBytes(StandardCharsets.UTF_8);
    assertThat(new String(enc.encrypt(secret, "row"), StandardCharsets.ISO_8859_1))
        .doesNotContain("PRIVATE-KEY-BYTES");
    assertThat(enc.toString()).doesNotContain("secret");
  }
}
