package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.Snapshot;
import dev.bulwark.trust.core.model.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A verified Notary collection: the trusted root, timestamp, snapshot and every targets role in
 * breadth-first order ({@code targets} first, then delegations in listed order).
 *
 * @param gun the collection
 * @param root trusted root
 * @param timestamp verified timestamp
 * @param snapshot verified snapshot
 * @param targets verified targets roles, breadth first
 * @param skipped delegations left out (expired or below threshold), with their subtrees
 */
public record NotaryCollection(
    Gun gun,
    Metadata<Root> root,
    Metadata<Timestamp> timestamp,
    Metadata<Snapshot> snapshot,
    List<VerifiedTargets> targets,
    List<SkippedRole> skipped) {
  public NotaryCollection {
    targets = List.copyOf(targets);
    skipped = List.copyOf(skipped);
  }

  /** A collection in which every published delegation verified. */
  public NotaryCollection(
      Gun gun,
      Metadata<Root> root,
      Metadata<Timestamp> timestamp,
      Metadata<Snapshot> snapshot,
      List<VerifiedTargets> targets) {
    this(gun, root, timestamp, snapshot, targets, List.of());
  }

  /**
   * All targets as {@code notary list} shows them: a name signed by several roles is reported for
   * the first role in breadth-first order whose paths allow it; sorted by name.
   */
  public List<TargetWithRole> list() {
    return list(List.of("targets"));
  }

  /**
   * {@code notary list --roles}: targets of the subtrees of {@code roles}, earlier roles first (a
   * role's subtree excludes the other listed roles); sorted by name.
   */
  public List<TargetWithRole> list(List<String> roles) {
    Map<String, TargetWithRole> out = new LinkedHashMap<>();
    for (String start : roles) {
      for (VerifiedTargets vt : targets) {
        if (inSubtree(vt.role(), start) && !shadowed(vt.role(), start, roles)) {
          collect(vt, out);
        }
      }
    }
    List<TargetWithRole> sorted = new ArrayList<>(out.values());
    sorted.sort(Comparator.comparing(TargetWithRole::name));
    return sorted;
  }

  private static boolean inSubtree(String role, String top) {
    return role.equals(top) || role.startsWith(top + "/");
  }

  private static boolean shadowed(String role, String start, List<String> roles) {
    return roles.stream()
        .anyMatch(r -> !r.equals(start) && inSubtree(role, r) && inSubtree(r, start));
  }

  private static void collect(VerifiedTargets vt, Map<String, TargetWithRole> out) {
    vt.metadata()
        .signed()
        .targets()
        .forEach(
            (name, file) -> {
              if (vt.allows(name)) {
                out.putIfAbsent(name, new TargetWithRole(name, file, vt.role()));
              }
            });
  }

  /** {@code notary lookup}: the first role in breadth-first order that signs {@code name}. */
  public Optional<TargetWithRole> lookup(String name) {
    for (VerifiedTargets vt : targets) {
      var file = vt.metadata().signed().targets().get(name);
      if (file != null && vt.allows(name)) {
        return Optional.of(new TargetWithRole(name, file, vt.role()));
      }
    }
    return Optional.empty();
  }
}
