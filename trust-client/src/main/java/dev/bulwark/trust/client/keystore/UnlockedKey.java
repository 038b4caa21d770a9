package dev.bulwark.trust.client.keystore;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/**
 * A decrypted signing key. The private key is reachable only through {@link #privateKey()}, a name
 * to search for in reviews; {@link #toString()} never shows it.
 *
 * @param keyId canonical key ID (file name in {@code private/})
 * @param role the role the key was created for
 * @param gun the collection it belongs to, or empty for root/delegation keys
 */
public record UnlockedKey(
    String keyId, String role, String gun, PrivateKey privateKey, PublicKey publicKey) {
  public UnlockedKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(gun, "gun");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(publicKey, "publicKey");
  }

  /** The algorithm of this key. */
  public KeyAlgorithm algorithm() {
    try {
      return KeyAlgorithm.of(publicKey);
    } catch (KeystoreException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "UnlockedKey[keyId="
        + keyId
        + ", role="
        + role
        + ", gun="
        + gun
        + ", private=<redacted>]";
  }
}
