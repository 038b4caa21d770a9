package dev.bulwark.trust.server.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * Server-held keys.
 *
 * @param algorithm {@code ecdsa} (default, what Docker Hub ran), {@code ed25519} or {@code rsa}
 * @param secretFile file holding the key-encryption secret; {@code null} = environment variable
 *     {@code BULWARK_KEY_SECRET}, else {@code <data_dir>/key-secret} (created on first start)
 */
public record KeysConfig(String algorithm, Path secretFile) {
  public KeysConfig {
    Objects.requireNonNull(algorithm, "keys.algorithm");
    if (!Set.of("ecdsa", "ed25519", "rsa").contains(algorithm)) {
      throw new IllegalArgumentException(
          "keys.algorithm must be ecdsa, ed25519 or rsa, got " + algorithm);
    }
  }
}
