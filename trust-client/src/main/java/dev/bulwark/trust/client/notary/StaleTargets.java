package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.core.model.DelegatedRole;
import dev.bulwark.trust.core.model.Delegations;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.Targets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses the targets to prune: those whose current entry was first published (see {@link
 * CollectionHistory#currentSince}) before a cut-off. All or nothing: if the time of any target in
 * the chosen roles is unknown, nothing is chosen and the caller gets an error.
 */
public final class StaleTargets {
  private StaleTargets() {}

  /**
   * A target to remove.
   *
   * @param role the role that signs it
   * @param name the target name
   * @param version the role version in which its current entry first appeared
   * @param publishedAt when that version was first published (server's changefeed time)
   */
  public record Stale(String role, String name, long version, Instant publishedAt) {
    public Stale {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(publishedAt, "publishedAt");
    }
  }

  /** The targets of {@code roles} first published before {@code cutoff}, by role then name. */
  public static List<Stale> olderThan(
      CollectionHistory history, Collection<String> roles, Instant cutoff) throws HistoryException {
    if (history.timesUnavailable().isPresent()) {
      throw new HistoryException(
          "cannot tell when the targets of "
              + history.gun()
              + " were published: "
              + history.timesUnavailable().get());
    }
    List<Stale> out = new ArrayList<>();
    for (String role : roles) {
      List<RoleVersion> vs = history.of(role);
      if (vs.isEmpty()) {
        throw new HistoryException(role + " is not a targets role of " + history.gun());
      }
      for (String name : new TreeSet<>(vs.getLast().targets().keySet())) {
        RoleVersion since = history.currentSince(role, name).orElseThrow();
        Instant at =
            since
                .publishedAt()
                .orElseThrow(
                    () ->
                        new HistoryException(
                            "cannot tell when "
                                + name
                                + " of "
                                + role
                                + " was published: the server's changefeed does not name "
                                + role
                                + " version "
                                + since.version()
                                + " (nothing was pruned)"));
        if (at.isBefore(cutoff)) {
          out.add(new Stale(role, name, since.version(), at));
        }
      }
    }
    return out;
  }

  /**
   * The targets roles of {@code c} that a trust dir holding private keys with these canonical key
   * IDs can sign (at least one of the role's keys), breadth first.
   */
  public static List<String> signableRoles(NotaryCollection c, Set<String> heldKeyIds) {
    List<String> out = new ArrayList<>();
    Root root = c.root().signed();
    for (VerifiedTargets vt : c.targets()) {
      List<Key> keys =
          vt.role().equals("targets")
              ? keys(root.role(RoleType.TARGETS), root.keys())
              : delegated(c, vt.role());
      if (keys.stream().anyMatch(k -> heldKeyIds.contains(k.canonicalId()))) {
        out.add(vt.role());
      }
    }
    return out;
  }

  private static List<Key> delegated(NotaryCollection c, String role) {
    String parent = role.substring(0, role.lastIndexOf('/'));
    for (VerifiedTargets vt : c.targets()) {
      if (vt.role().equals(parent)) {
        Targets t = vt.metadata().signed();
        Delegations ds = t.delegations().orElse(Delegations.EMPTY);
        Optional<DelegatedRole> d = ds.role(role);
        return d.map(r -> keys(r.role(), ds.keys())).orElse(List.of());
      }
    }
    return List.of();
  }

  private static List<Key> keys(Role role, Map<String, Key> all) {
    return role.keyIds().stream().filter(all::containsKey).map(all::get).toList();
  }
}
