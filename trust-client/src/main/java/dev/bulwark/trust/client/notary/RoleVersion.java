package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.core.model.TargetFile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored version of a targets role, with what changed since the previous stored version.
 *
 * @param role {@code targets} or a delegation
 * @param version the role's version
 * @param sha256 lower-case hex sha256 of the file as stored
 * @param publishedAt first time a snapshot listed this version, from the server's changefeed (not
 *     signed); empty when the feed does not tell
 * @param expires the role's signed expiry
 * @param signedBy key IDs of the signatures on the file (not verified for older versions)
 * @param targets the role's targets in this version
 * @param added target names new in this version, sorted
 * @param changed target names whose entry differs from the previous version, sorted
 * @param removed target names gone since the previous version, sorted
 */
public record RoleVersion(
    String role,
    long version,
    String sha256,
    Optional<Instant> publishedAt,
    Instant expires,
    List<String> signedBy,
    Map<String, TargetFile> targets,
    List<String> added,
    List<String> changed,
    List<String> removed) {
  public RoleVersion {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(expires, "expires");
    signedBy = List.copyOf(signedBy);
    targets = Map.copyOf(targets);
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
    if (version < 1) {
      throw new IllegalArgumentException("versions start at 1, got " + version);
    }
  }
}
