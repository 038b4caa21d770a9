package dev.bulwark.trust.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A server-held key as stored: public part in the clear, private part encrypted.
 *
 * @param publicKey the Notary {@code keyval.public} bytes (DER SPKI for ecdsa)
 * @param privateKeyEnc AES-GCM ciphertext of the PKCS#8 private key (never logged)
 */
public record StoredKey(
    String gun,
    String role,
    String keyId,
    String algorithm,
    byte[] publicKey,
    byte[] privateKeyEnc,
    Instant createdAt) {
  public StoredKey {
    Objects.requireNonNull(gun, "gun");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(privateKeyEnc, "privateKeyEnc");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  @Override
  public String toString() {
    return "StoredKey[gun=" + gun + ", role=" + role + ", keyId=" + keyId + "]";
  }
}
