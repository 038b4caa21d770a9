package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Targets;
import java.util.List;

/**
 * A verified targets role of a collection with the path prefixes it is trusted for after all
 * restrictions of its delegation chain ({@code [""]} for the top-level {@code targets}).
 *
 * @param role role name
 * @param metadata the verified document
 * @param paths effective path prefixes; a target whose name starts with none is ignored
 */
public record VerifiedTargets(String role, Metadata<Targets> metadata, List<String> paths) {
  public VerifiedTargets {
    paths = List.copyOf(paths);
  }

  /** Notary's {@code CheckPaths}: the name starts with one of the prefixes. */
  public boolean allows(String targetName) {
    return paths.stream().anyMatch(targetName::startsWith);
  }
}
