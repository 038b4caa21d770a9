package dev.bulwark.trust.server.store;

import java.util.Objects;

/** A new version of one role to be stored as part of an atomic update. */
public record MetaUpdate(String role, int version, byte[] data) {
  public MetaUpdate {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(data, "data");
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1, got " + version);
    }
  }
}
