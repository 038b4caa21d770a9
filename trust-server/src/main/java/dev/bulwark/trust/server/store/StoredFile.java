package dev.bulwark.trust.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored version of one role of one collection, with its exact bytes.
 *
 * @param sha256 lower-case hex SHA-256 of {@code data}
 */
public record StoredFile(
    String gun, String role, int version, byte[] data, String sha256, Instant createdAt) {
  public StoredFile {
    Objects.requireNonNull(gun, "gun");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(createdAt, "createdAt");
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0, got " + version);
    }
  }
}
