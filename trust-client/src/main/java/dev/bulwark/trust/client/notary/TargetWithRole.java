package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.core.model.TargetFile;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A verified target and the role that signed it, as {@code notary list}/{@code lookup} show it.
 *
 * @param name target name (for Docker Content Trust: the tag)
 * @param file length, hashes and custom data
 * @param role {@code targets} or the delegation ({@code targets/releases})
 */
public record TargetWithRole(String name, TargetFile file, String role) {
  public TargetWithRole {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(role, "role");
  }

  /** Lower-case hex sha256, or empty when the target lists no sha256 (as notary prints it). */
  public String sha256Hex() {
    return file.hashes().get("sha256").map(HexFormat.of()::formatHex).orElse("");
  }
}
