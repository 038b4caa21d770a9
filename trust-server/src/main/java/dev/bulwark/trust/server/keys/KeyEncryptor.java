package dev.bulwark.trust.server.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private keys at rest with AES-256-GCM: {@code nonce(12) || ciphertext+tag}. The
 * associated data binds a ciphertext to its row (GUN, role, key ID), so a ciphertext copied to
 * another row does not decrypt.
 */
public final class KeyEncryptor {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param secret the configured secret (any length); the AES key is SHA-256 over a fixed label and
   *     the secret
   */
  public KeyEncryptor(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException(
          "expected a key-encryption secret of at least 16 bytes, got " + secret.length);
    }
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update("bulwark-server-key-encryption-v1".getBytes(StandardCharsets.UTF_8));
      this.key = new SecretKeySpec(md.digest(secret), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  public byte[] encrypt(byte[] plaintext, String associated) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
      byte[] ct = c.doFinal(plaintext);
      return ByteBuffer.allocate(nonce.length + ct.length).put(nonce).put(ct).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /**
   * @throws GeneralSecurityException when the secret is wrong or the ciphertext was altered
   */
  public byte[] decrypt(byte[] sealed, String associated) throws GeneralSecurityException {
    if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new GeneralSecurityException("encrypted key is truncated");
    }
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
    c.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
    return c.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
  }

  @Override
  public String toString() {
    return "KeyEncryptor[AES-256-GCM]";
  }
}
