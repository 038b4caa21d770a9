package dev.bulwark.trust.client.keystore;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A private key file as listed without decrypting it.
 *
 * @param keyId canonical key ID (from the file name)
 * @param role the {@code role} PEM header
 * @param gun the {@code gun} PEM header, or empty
 * @param file where it lives
 */
public record StoredKey(String keyId, String role, String gun, Path file) {
  public StoredKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(gun, "gun");
    Objects.requireNonNull(file, "file");
  }
}
