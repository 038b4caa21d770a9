package dev.bulwark.trust.server.update;

import java.util.Objects;

/** One uploaded role file of an update: the role name (file name without .json) and bytes. */
public record Upload(String role, byte[] data) {
  public Upload {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(data, "data");
  }
}
