package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.crypto.Digests;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.json.JsonArray;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code delegations.roles} (TUF §4.5): a named role with its keys and threshold, the
 * target paths it is trusted for ({@code paths} patterns or {@code path_hash_prefixes}; neither
 * means nothing is delegated) and whether a match ends the search ({@code terminating}).
 */
public record DelegatedRole(
    String name,
    List<String> keyIds,
    int threshold,
    boolean terminating,
    Optional<List<String>> paths,
    Optional<List<String>> pathHashPrefixes) {

  public DelegatedRole {
    Objects.requireNonNull(name, "name");
    new Role(keyIds, threshold); // validates keyids and threshold
    keyIds = List.copyOf(keyIds);
    paths = paths.map(List::copyOf);
    pathHashPrefixes = pathHashPrefixes.map(List::copyOf);
    if (paths.isPresent() && pathHashPrefixes.isPresent()) {
      throw new IllegalArgumentException(
          "role " + name + ": paths and path_hash_prefixes both set");
    }
  }

  /** The keys and threshold as a {@link Role}. */
  public Role role() {
    return new Role(keyIds, threshold);
  }

  /**
   * TUF 5.6.7.2: whether this role is trusted for {@code targetPath}: a {@code paths} pattern
   * matches (dialect rules: TUF glob, Notary prefix) or the hex sha256 of the path starts with one
   * of the {@code path_hash_prefixes}.
   */
  public boolean isDelegatedPath(Dialect dialect, String targetPath) {
    if (paths.isPresent()) {
      return paths.get().stream().anyMatch(p -> dialect.pathMatches(p, targetPath));
    }
    if (pathHashPrefixes.isPresent()) {
      String h = Digests.sha256Hex(targetPath.getBytes(StandardCharsets.UTF_8));
      return pathHashPrefixes.get().stream().anyMatch(h::startsWith);
    }
    return false;
  }

  static DelegatedRole parse(Dialect dialect, JsonFields f) throws MalformedMetadataException {
    Role role = Role.parse(f);
    boolean terminating = dialect == Dialect.TUF ? f.bool("terminating") : false;
    if (dialect == Dialect.NOTARY && f.has("terminating")) {
      terminating = f.bool("terminating");
    }
    Optional<List<String>> paths =
        f.has("paths") ? Optional.of(f.strings("paths", false)) : Optional.empty();
    Optional<List<String>> prefixes =
        f.has("path_hash_prefixes")
            ? Optional.of(f.strings("path_hash_prefixes", false))
            : Optional.empty();
    if (paths.isPresent() && prefixes.isPresent()) {
      throw new MalformedMetadataException(
          f.path() + ": expected only one of paths and path_hash_prefixes, found both");
    }
    return new DelegatedRole(
        f.string("name"), role.keyIds(), role.threshold(), terminating, paths, prefixes);
  }

  public JsonObject toJson(Dialect dialect) {
    JsonObject.Builder b = JsonObject.builder().put("keyids", JsonArray.ofStrings(keyIds));
    b.put("name", name);
    paths.ifPresent(p -> b.put("paths", JsonArray.ofStrings(p)));
    pathHashPrefixes.ifPresent(p -> b.put("path_hash_prefixes", JsonArray.ofStrings(p)));
    if (dialect == Dialect.TUF || terminating) {
      b.put("terminating", terminating);
    }
    return b.put("threshold", threshold).build();
  }
}
