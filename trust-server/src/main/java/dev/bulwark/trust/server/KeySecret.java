package dev.bulwark.trust.server;

import dev.bulwark.trust.server.config.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Finds the key-encryption secret: {@code keys.secret_file}, else the environment variable {@code
 * BULWARK_KEY_SECRET}, else {@code <data_dir>/key-secret} (generated with mode 0600 on first
 * start). Several processes sharing one database must share the secret.
 */
final class KeySecret {
  static final String ENV = "BULWARK_KEY_SECRET";

  private KeySecret() {}

  static byte[] resolve(ServerConfig cfg) throws IOException {
    if (cfg.keys().secretFile() != null) {
      return Files.readString(cfg.keys().secretFile()).strip().getBytes(StandardCharsets.UTF_8);
    }
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return env.strip().getBytes(StandardCharsets.UTF_8);
    }
    Path file = cfg.storage().dataDir().resolve("key-secret");
    if (!Files.exists(file)) {
      Files.createDirectories(file.getParent());
      byte[] raw = new byte[32];
      new SecureRandom().nextBytes(raw);
      Path tmp =
          Files.createTempFile(
              file.getParent(),
              "key-secret",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, Base64.getEncoder().encodeToString(raw) + "\n");
      try {
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
    }
    return Files.readString(file).strip().getBytes(StandardCharsets.UTF_8);
  }
}
