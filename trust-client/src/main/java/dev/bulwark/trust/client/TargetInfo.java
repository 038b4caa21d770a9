package dev.bulwark.trust.client;

import dev.bulwark.trust.core.model.TargetFile;
import java.util.Objects;

/**
 * A target found by the delegation search (TUF 5.6.7): its path, its trusted description, and the
 * targets role that listed it.
 */
public record TargetInfo(String path, TargetFile file, String role) {
  public TargetInfo {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(role, "role");
  }
}
