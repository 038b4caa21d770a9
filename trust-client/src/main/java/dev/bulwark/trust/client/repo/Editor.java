package dev.bulwark.trust.client.repo;

import dev.bulwark.trust.client.keystore.KeystoreException;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.model.DelegatedRole;
import dev.bulwark.trust.core.model.Delegations;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.TargetFile;
import dev.bulwark.trust.core.model.Targets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A working copy of a collection's targets roles: applies staged {@link Change}s, then signs every
 * changed role (parents before children, with a fresh version and expiry) with the keys this trust
 * dir holds. Pure: no I/O besides unlocking keys.
 */
public final class Editor {
  private final Metadata<Root> root;
  private final Map<String, Targets> roles = new LinkedHashMap<>();
  private final Map<String, Long> versions = new LinkedHashMap<>();
  private final Set<String> dirty = new LinkedHashSet<>();
  private final Set<String> deleted = new LinkedHashSet<>();

  /** Starts from the verified current targets roles (role name → metadata). */
  public Editor(Metadata<Root> root, Map<String, Metadata<Targets>> current) {
    this.root = root;
    current.forEach(
        (name, md) -> {
          roles.put(name, md.signed());
          versions.put(name, md.signed().version());
        });
  }

  /**
   * A delegated role the server holds at {@code version} but whose content is not trusted (below
   * its threshold, e.g. after a key was revoked): it starts empty here, and its next version must
   * still exceed the server's (the trap of notary#1500, where such a role blocks every publish).
   */
  public void untrustedRole(String name, long version) {
    versions.merge(name, version, Math::max);
  }

  /** Roles changed so far. */
  public Set<String> dirty() {
    return Set.copyOf(dirty);
  }

  /** Delegated roles removed so far. */
  public Set<String> deleted() {
    return Set.copyOf(deleted);
  }

  /** The current (edited) content of a role, if it exists. */
  public Optional<Targets> role(String name) {
    return Optional.ofNullable(roles.get(name));
  }

  /** Applies one staged change. */
  public void apply(Change c) throws RepoException {
    switch (c.type()) {
      case "target" -> applyTarget(c);
      case "delegation" -> applyDelegation(c);
      default -> {
        requireRole(c.role());
        dirty.add(c.role());
      }
    }
  }

  /** Marks a role for re-signing (fresh version and expiry) without changing its content. */
  public void witness(String role) throws RepoException {
    requireRole(role);
    dirty.add(role);
  }

  private void applyTarget(Change c) throws RepoException {
    Targets t = requireRole(c.role());
    Map<String, TargetFile> targets = new LinkedHashMap<>(t.targets());
    if (c.action().equals("delete")) {
      targets.remove(c.path());
    } else {
      checkPathAllowed(c.role(), c.path());
      targets.put(c.path(), TargetEntries.decode(c.data(), "change " + c));
    }
    roles.put(c.role(), withTargets(t, targets));
    dirty.add(c.role());
  }

  private void checkPathAllowed(String role, String path) throws RepoException {
    if (role.equals("targets")) {
      return;
    }
    DelegatedRole d = delegatedRole(role).orElseThrow(() -> notDelegated(role));
    if (!d.isDelegatedPath(Dialect.NOTARY, path)) {
      throw new RepoException(
          "target "
              + path
              + " is outside the paths delegated to "
              + role
              + ": "
              + d.paths().orElse(List.of()));
    }
  }

  private void applyDelegation(Change c) throws RepoException {
    String role = c.path();
    String parent = parentOf(role);
    Targets p = requireRole(parent);
    Delegations ds = p.delegations().orElse(Delegations.EMPTY);
    Map<String, Key> keys = new LinkedHashMap<>(ds.keys());
    List<DelegatedRole> list = new ArrayList<>(ds.roles());
    Optional<DelegatedRole> existing = ds.role(role);
    list.removeIf(r -> r.name().equals(role));
    if (c.action().equals("delete")) {
      deleted.add(role);
      roles.remove(role);
      dirty.remove(role);
    } else {
      DelegationEdit e = DelegationEdit.decode(c.data(), "change " + c);
      list.add(edited(role, existing, e, keys));
      deleted.remove(role);
    }
    dropUnusedKeys(keys, list);
    roles.put(parent, withDelegations(p, new Delegations(keys, list, Optional.empty())));
    dirty.add(parent);
  }

  private static DelegatedRole edited(
      String role, Optional<DelegatedRole> existing, DelegationEdit e, Map<String, Key> keys)
      throws RepoException {
    Set<String> ids = new LinkedHashSet<>(existing.map(DelegatedRole::keyIds).orElse(List.of()));
    keys.putAll(e.addKeys());
    ids.addAll(e.addKeys().keySet());
    for (String r : e.removeKeys()) {
      if (!ids.remove(r)) {
        throw new RepoException("key " + r + " is not a key of " + role);
      }
    }
    Set<String> paths =
        new LinkedHashSet<>(existing.flatMap(DelegatedRole::paths).orElse(List.of()));
    if (e.clearPaths()) {
      paths.clear();
    }
    paths.removeAll(e.removePaths());
    paths.addAll(e.addPaths());
    int threshold =
        e.threshold() > 0 ? e.threshold() : existing.map(DelegatedRole::threshold).orElse(1);
    if (ids.isEmpty()) {
      throw new RepoException(
          "delegation " + role + " would have no keys; remove the delegation instead");
    }
    if (threshold > ids.size()) {
      throw new RepoException(
          "delegation "
              + role
              + ": threshold "
              + threshold
              + " is more than its "
              + ids.size()
              + " key(s)");
    }
    return new DelegatedRole(
        role,
        List.copyOf(ids),
        threshold,
        false,
        Optional.of(List.copyOf(paths)),
        Optional.empty());
  }

  private static void dropUnusedKeys(Map<String, Key> keys, List<DelegatedRole> list) {
    Set<String> used = new LinkedHashSet<>();
    list.forEach(r -> used.addAll(r.keyIds()));
    keys.keySet().retainAll(used);
  }

  /**
   * Signs every changed role, parents first. Roles that reach their threshold with the keys held
   * here are {@link Signed#complete()}; the others are returned with the signatures made so far.
   */
  public List<SignedRole> sign(Instant now, ExpiryPolicy expiry, SigningKeys keys)
      throws RepoException {
    List<String> order = new ArrayList<>(dirty);
    order.sort(
        Comparator.comparingLong((String r) -> r.chars().filter(ch -> ch == '/').count())
            .thenComparing(r -> r));
    List<SignedRole> out = new ArrayList<>();
    for (String name : order) {
      Targets t = roles.get(name);
      long version = versions.getOrDefault(name, 0L) + 1;
      Targets fresh =
          new Targets(
              version,
              now.plus(expiry.forRole(name)),
              Optional.empty(),
              t.targets(),
              Optional.of(t.delegations().orElse(Delegations.EMPTY)),
              t.unrecognized());
      out.add(signRole(name, fresh, keys));
    }
    return out;
  }

  private SignedRole signRole(String name, Targets t, SigningKeys keys) throws RepoException {
    Role role = authority(name);
    List<Key> authorised = new ArrayList<>();
    Map<String, Key> pool = keyPool(name);
    for (String id : role.keyIds()) {
      Key k = pool.get(id);
      if (k != null) {
        authorised.add(k);
      }
    }
    List<SigningKey> signers;
    try {
      signers = keys.forKeys(authorised);
    } catch (KeystoreException e) {
      throw new RepoException("cannot sign " + name + ": " + e.getMessage(), e);
    }
    if (signers.isEmpty()) {
      throw new RepoException(
          "no private key for "
              + name
              + " in this trust dir (it needs keys "
              + role.keyIds()
              + ")");
    }
    return new SignedRole(
        name, NotaryFiles.normalize(Metadata.sign(Dialect.NOTARY, t, signers)), role.threshold());
  }

  /** The keys and threshold that may sign {@code name}, from root or the (edited) parent. */
  public Role authority(String name) throws RepoException {
    if (name.equals("targets")) {
      return root.signed().role(RoleType.TARGETS);
    }
    return delegatedRole(name).orElseThrow(() -> notDelegated(name)).role();
  }

  /** The key objects that can be listed for {@code name}. */
  public Map<String, Key> keyPool(String name) throws RepoException {
    if (name.equals("targets")) {
      return root.signed().keys();
    }
    return requireRole(parentOf(name)).delegations().orElse(Delegations.EMPTY).keys();
  }

  private Optional<DelegatedRole> delegatedRole(String name) throws RepoException {
    Targets parent = requireRole(parentOf(name));
    return parent.delegations().orElse(Delegations.EMPTY).role(name);
  }

  private Targets requireRole(String name) throws RepoException {
    Targets t = roles.get(name);
    if (t != null) {
      return t;
    }
    if (name.equals("targets") || deleted.contains(name)) {
      throw new RepoException("role " + name + " does not exist in this collection");
    }
    if (delegatedRole(name).isEmpty()) {
      throw notDelegated(name);
    }
    Targets empty =
        new Targets(
            1,
            Instant.EPOCH.plusSeconds(1),
            Optional.empty(),
            Map.of(),
            Optional.of(Delegations.EMPTY),
            JsonObject.EMPTY);
    roles.put(name, empty);
    return empty;
  }

  private static RepoException notDelegated(String role) {
    return new RepoException(
        "role "
            + role
            + " is not delegated in this collection (add it with `bulwark trust delegation add`)");
  }

  static String parentOf(String role) throws RepoException {
    int slash = role.lastIndexOf('/');
    if (slash < 0
        || !role.startsWith("targets/")
        || !role.matches("[-a-z0-9_/]+")
        || role.endsWith("/")) {
      throw new RepoException("not a delegation role name (targets/<name>, lower case): " + role);
    }
    return role.substring(0, slash);
  }

  private static Targets withTargets(Targets t, Map<String, TargetFile> targets) {
    return new Targets(
        t.version(), t.expires(), t.specVersion(), targets, t.delegations(), t.unrecognized());
  }

  private static Targets withDelegations(Targets t, Delegations d) {
    return new Targets(
        t.version(), t.expires(), t.specVersion(), t.targets(), Optional.of(d), t.unrecognized());
  }
}
