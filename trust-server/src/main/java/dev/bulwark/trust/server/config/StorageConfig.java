package dev.bulwark.trust.server.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where metadata lives.
 *
 * @param jdbcUrl {@code jdbc:h2:...} or {@code jdbc:postgresql:...}; {@code null} means the
 *     embedded H2 file database under {@code dataDir}
 * @param dataDir directory of the embedded database and the generated key secret
 * @param poolSize JDBC connections per server process
 */
public record StorageConfig(String jdbcUrl, Path dataDir, int poolSize) {
  public StorageConfig {
    Objects.requireNonNull(dataDir, "storage.data_dir");
    if (poolSize < 1) {
      throw new IllegalArgumentException("storage.pool_size must be >= 1, got " + poolSize);
    }
  }
}
