package dev.bulwark.testkit.tuf;

import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.model.DelegatedRole;
import dev.bulwark.trust.core.model.Delegations;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.Signed;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.Snapshot;
import dev.bulwark.trust.core.model.SuccinctRoles;
import dev.bulwark.trust.core.model.TargetFile;
import dev.bulwark.trust.core.model.Targets;
import dev.bulwark.trust.core.model.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A TUF 1.0 repository held in memory. The model (root keys, roles, targets, delegations) is
 * mutable through the methods below; {@code publish*}/{@code update*} sign the current model and
 * store the bytes that {@link #serve} returns. Every role starts at version 1, signed with one
 * Ed25519 key, consistent snapshots on, expiring a year after the clock's time.
 *
 * <p>Typical change: {@code addTarget("targets", "a.txt", bytes); publishTargets("targets");
 * updateSnapshot();} (which also updates the timestamp).
 */
public final class RepositorySimulator {
  private static final Dialect TUF = Dialect.TUF;

  private final Clock clock;
  private final ServedFiles files = new ServedFiles();
  private final Map<String, List<SigningKey>> signers = new LinkedHashMap<>();
  private final Map<String, Instant> expiries = new LinkedHashMap<>();
  private final Map<String, Targets> targets = new LinkedHashMap<>();
  private final Map<String, byte[]> artifacts = new TreeMap<>();
  private final List<byte[]> signedRoots = new ArrayList<>();
  private Root root;
  private long timestampVersion;
  private long snapshotVersion;
  private boolean hashesInMeta;

  /** A new repository whose metadata expires a year after {@code clock}'s time. */
  public RepositorySimulator(Clock clock) {
    this.clock = clock;
    Map<String, Key> keys = new LinkedHashMap<>();
    Map<String, Role> roles = new LinkedHashMap<>();
    for (RoleType t : RoleType.values()) {
      SigningKey k = SigningKey.generate(TUF, KeyAlgorithm.ED25519);
      signers.put(t.roleName(), new ArrayList<>(List.of(k)));
      keys.put(k.keyId(), k.key());
      roles.put(t.roleName(), new Role(List.of(k.keyId()), 1));
    }
    root = new Root(1, safeExpiry(), spec(), true, keys, roles, JsonObject.EMPTY);
    targets.put("targets", emptyTargets(1));
    publishRoot();
    publishTargets("targets");
    updateSnapshot();
  }

  public Instant safeExpiry() {
    return clock.instant().plus(Duration.ofDays(365));
  }

  private static Optional<String> spec() {
    return Optional.of(Dialect.TUF_SPEC_VERSION);
  }

  private Targets emptyTargets(long version) {
    return new Targets(version, safeExpiry(), spec(), Map.of(), Optional.empty(), JsonObject.EMPTY);
  }

  // ---- serving -------------------------------------------------------------------------------

  /** The file at {@code path} ("metadata/…" or "targets/…"), recording the request. */
  public Optional<byte[]> serve(String path) {
    return files.serve(path);
  }

  /** Every path that has content, sorted (e.g. to write the repository to disk). */
  public List<String> paths() {
    return files.paths();
  }

  /** Every path requested so far, in order. */
  public List<String> requests() {
    return files.requests();
  }

  /** Metadata requests only, as file names ("2.root.json", "timestamp.json"). */
  public List<String> metadataRequests() {
    return files.requests().stream()
        .filter(p -> p.startsWith("metadata/"))
        .map(p -> p.substring("metadata/".length()))
        .toList();
  }

  public void clearRequests() {
    files.clearRequests();
  }

  /** Serves {@code transform(bytes)} instead of the stored bytes at {@code path} from now on. */
  public void tamper(String path, UnaryOperator<byte[]> transform) {
    files.tamper(path, transform);
  }

  /** Serves exactly {@code bytes} at {@code path} (added or replaced). */
  public void put(String path, byte[] bytes) {
    files.put(path, bytes);
  }

  /** Answers 404 for {@code path} from now on. */
  public void remove(String path) {
    files.remove(path);
  }

  /** The bytes currently stored at {@code path} (without recording a request). */
  public Optional<byte[]> peek(String path) {
    return files.peek(path);
  }

  // ---- root and keys -------------------------------------------------------------------------

  public Root root() {
    return root;
  }

  public List<byte[]> signedRoots() {
    return Collections.unmodifiableList(signedRoots);
  }

  /** The first published root: what a client is initialised with. */
  public byte[] initialRoot() {
    return signedRoots.getFirst().clone();
  }

  /** Replaces the root model (e.g. {@code new Root(…)} with changed fields); publish separately. */
  public void setRoot(Root newRoot) {
    this.root = newRoot;
  }

  /** Keys that sign {@code role} ("root", "timestamp", a delegated role, …). */
  public List<SigningKey> signers(String role) {
    return signers.computeIfAbsent(role, r -> new ArrayList<>());
  }

  /** Adds {@code key} to the root's list for a top-level role and signs that role with it. */
  public void addKey(RoleType type, SigningKey key) {
    Role old = root.role(type);
    List<String> ids = new ArrayList<>(old.keyIds());
    ids.add(key.keyId());
    replaceRole(type, new Role(ids, old.threshold()), Map.of(key.keyId(), key.key()));
    signers(type.roleName()).add(key);
  }

  /** Replaces all keys of a top-level role with {@code keys} (all sign) and {@code threshold}. */
  public void rotateKeys(RoleType type, List<SigningKey> keys, int threshold) {
    Map<String, Key> added = new LinkedHashMap<>();
    keys.forEach(k -> added.put(k.keyId(), k.key()));
    replaceRole(type, new Role(List.copyOf(added.keySet()), threshold), added);
    signers.put(type.roleName(), new ArrayList<>(keys));
  }

  private void replaceRole(RoleType type, Role role, Map<String, Key> extraKeys) {
    Map<String, Role> roles = new LinkedHashMap<>(root.roles());
    roles.put(type.roleName(), role);
    Map<String, Key> keys = new LinkedHashMap<>(root.keys());
    keys.putAll(extraKeys);
    root = withRoot(root.version(), root.expires(), keys, roles);
  }

  private Root withRoot(long version, Instant expires, Map<String, Key> keys, Map<String, Role> r) {
    return new Root(
        version,
        expires,
        root.specVersion(),
        root.consistentSnapshot(),
        keys,
        r,
        root.unrecognized());
  }

  public void setConsistentSnapshot(boolean consistent) {
    root =
        new Root(
            root.version(),
            root.expires(),
            root.specVersion(),
            consistent,
            root.keys(),
            root.roles(),
            root.unrecognized());
  }

  /** Signs the root model as it is (version unchanged) and publishes it as {@code V.root.json}. */
  public byte[] publishRoot() {
    byte[] bytes = sign(root, signers("root"));
    long v = root.version();
    while (signedRoots.size() < v) {
      signedRoots.add(null);
    }
    signedRoots.set((int) v - 1, bytes);
    files.put("metadata/" + v + ".root.json", bytes);
    files.put("metadata/root.json", bytes);
    return bytes;
  }

  /** Increments the root version, signs it with the current root signers and publishes it. */
  public byte[] bumpRoot() {
    root = withRoot(root.version() + 1, root.expires(), root.keys(), root.roles());
    return publishRoot();
  }

  /** Signs {@code signed} with {@code keys} (bytes as a TUF repository writes them). */
  public static byte[] sign(Signed signed, List<SigningKey> keys) {
    return Metadata.sign(TUF, signed, keys).rawBytes();
  }

  // ---- expiry and options --------------------------------------------------------------------

  /** Sets the expiry used the next time {@code role} is signed. */
  public void setExpiry(String role, Instant expires) {
    expiries.put(role, expires);
    if (role.equals("root")) {
      root = withRoot(root.version(), expires, root.keys(), root.roles());
    }
  }

  private Instant expiryOf(String role) {
    return expiries.getOrDefault(role, safeExpiry());
  }

  /** Whether snapshot/timestamp meta entries carry length and hashes (default: version only). */
  public void setHashesInMeta(boolean on) {
    this.hashesInMeta = on;
  }

  // ---- targets and delegations ---------------------------------------------------------------

  /** The targets model of {@code role}. */
  public Targets targets(String role) {
    return targets.get(role);
  }

  /** Replaces the targets model of {@code role}; publish separately. */
  public void setTargets(String role, Targets model) {
    targets.put(role, model);
  }

  /** Lists {@code content} as {@code path} in {@code role} and stores the artifact. */
  public void addTarget(String role, String path, byte[] content) {
    addTarget(role, path, content, TargetFile.of(content, Optional.empty()));
  }

  /** Lists {@code path} in {@code role} with a given description; serves {@code content}. */
  public void addTarget(String role, String path, byte[] content, TargetFile description) {
    Targets t = targets.get(role);
    Map<String, TargetFile> files = new LinkedHashMap<>(t.targets());
    files.put(path, description);
    targets.put(role, withTargets(t, t.version(), files, t.delegations()));
    artifacts.put(path, content.clone());
    serveArtifact(path, content, description);
  }

  private void serveArtifact(String path, byte[] content, TargetFile description) {
    files.put("targets/" + path, content);
    int slash = path.lastIndexOf('/');
    for (String hash : description.hashes().hex().values()) {
      String name = path.substring(0, slash + 1) + hash + "." + path.substring(slash + 1);
      files.put("targets/" + name, content);
    }
  }

  /** The artifact content last added for {@code path}. */
  public byte[] artifact(String path) {
    return artifacts.get(path).clone();
  }

  private static Targets withTargets(
      Targets t, long version, Map<String, TargetFile> files, Optional<Delegations> d) {
    return new Targets(version, t.expires(), t.specVersion(), files, d, t.unrecognized());
  }

  /**
   * Adds {@code role} to {@code delegator}'s delegations (appended, so last in priority), signed by
   * {@code keys}; creates an empty targets model for it unless one exists.
   */
  public void delegate(String delegator, DelegatedRole role, List<SigningKey> keys) {
    Targets t = targets.get(delegator);
    Delegations d = t.delegations().orElse(Delegations.EMPTY);
    Map<String, Key> dk = new LinkedHashMap<>(d.keys());
    keys.forEach(k -> dk.put(k.keyId(), k.key()));
    List<DelegatedRole> roles = new ArrayList<>(d.roles());
    roles.removeIf(r -> r.name().equals(role.name()));
    roles.add(role);
    Delegations nd = new Delegations(dk, roles, Optional.empty());
    targets.put(delegator, withTargets(t, t.version(), t.targets(), Optional.of(nd)));
    signers.put(role.name(), new ArrayList<>(keys));
    targets.putIfAbsent(role.name(), emptyTargets(1));
  }

  /**
   * A delegation of {@code paths} to {@code role}, signed by one key: the role's existing key if it
   * is already delegated elsewhere, else a new one.
   */
  public SigningKey delegate(
      String delegator, String role, boolean terminating, List<String> paths) {
    List<SigningKey> existing = signers.get(role);
    SigningKey k =
        existing == null || existing.isEmpty()
            ? SigningKey.generate(TUF, KeyAlgorithm.ED25519)
            : existing.getFirst();
    DelegatedRole r =
        new DelegatedRole(
            role, List.of(k.keyId()), 1, terminating, Optional.of(paths), Optional.empty());
    delegate(delegator, r, List.of(k));
    return k;
  }

  /**
   * TAP 15: delegates from {@code delegator} to {@code 2^bitLength} bins named {@code prefix-XX},
   * all signed by one new key; creates an empty model for every bin.
   */
  public SuccinctRoles delegateHashBins(String delegator, int bitLength, String prefix) {
    SigningKey k = SigningKey.generate(TUF, KeyAlgorithm.ED25519);
    SuccinctRoles bins = new SuccinctRoles(List.of(k.keyId()), 1, bitLength, prefix);
    Delegations nd = new Delegations(Map.of(k.keyId(), k.key()), List.of(), Optional.of(bins));
    Targets t = targets.get(delegator);
    targets.put(delegator, withTargets(t, t.version(), t.targets(), Optional.of(nd)));
    for (String bin : bins.roleNames()) {
      signers.put(bin, new ArrayList<>(List.of(k)));
      targets.putIfAbsent(bin, emptyTargets(1));
    }
    return bins;
  }

  /** All targets roles (top-level first, then delegated roles in creation order). */
  public List<String> targetsRoles() {
    return List.copyOf(targets.keySet());
  }

  /**
   * Signs the current model of each targets role as {@code V.role.json} (and {@code role.json})
   * with the current version and that role's expiry. Does not touch the snapshot.
   */
  public void publishTargets(String... roles) {
    for (String role : roles) {
      Targets t = targets.get(role);
      Targets signed =
          new Targets(
              t.version(),
              expiryOf(role),
              t.specVersion(),
              t.targets(),
              t.delegations(),
              t.unrecognized());
      targets.put(role, signed);
      byte[] bytes = sign(signed, signers(role));
      String name = Names.encode(role) + ".json";
      files.put("metadata/" + t.version() + "." + name, bytes);
      files.put("metadata/" + name, bytes);
    }
  }

  /** Increments the version of each role, then publishes it. */
  public void bumpTargets(String... roles) {
    for (String role : roles) {
      Targets t = targets.get(role);
      targets.put(role, withTargets(t, t.version() + 1, t.targets(), t.delegations()));
    }
    publishTargets(roles);
  }

  // ---- snapshot and timestamp ----------------------------------------------------------------

  /** The snapshot version last published. */
  public long snapshotVersion() {
    return snapshotVersion;
  }

  public long timestampVersion() {
    return timestampVersion;
  }

  /**
   * Publishes snapshot version+1 listing every targets role at its current version (with length and
   * hashes if enabled), then a new timestamp.
   */
  public void updateSnapshot() {
    Map<String, MetaFile> meta = new LinkedHashMap<>();
    for (String role : targets.keySet()) {
      String name = targets.get(role).version() + "." + Names.encode(role) + ".json";
      meta.put(role, metaFor(targets.get(role).version(), files.peek("metadata/" + name)));
    }
    publishSnapshot(
        new Snapshot(++snapshotVersion, expiryOf("snapshot"), spec(), meta, JsonObject.EMPTY));
  }

  /** Signs and publishes an arbitrary snapshot model (then a new timestamp naming it). */
  public void publishSnapshot(Snapshot model) {
    snapshotVersion = model.version();
    byte[] bytes = sign(model, signers("snapshot"));
    files.put("metadata/" + model.version() + ".snapshot.json", bytes);
    files.put("metadata/snapshot.json", bytes);
    updateTimestamp();
  }

  private MetaFile metaFor(long version, Optional<byte[]> bytes) {
    if (hashesInMeta && bytes.isPresent()) {
      return MetaFile.of(version, bytes.get());
    }
    return MetaFile.ofVersion(version);
  }

  /** Publishes timestamp version+1 naming the current snapshot. */
  public void updateTimestamp() {
    Optional<byte[]> snap = files.peek("metadata/" + snapshotVersion + ".snapshot.json");
    MetaFile meta = metaFor(snapshotVersion, snap);
    publishTimestamp(
        new Timestamp(++timestampVersion, expiryOf("timestamp"), spec(), meta, JsonObject.EMPTY));
  }

  /** Signs and publishes an arbitrary timestamp model as {@code timestamp.json}. */
  public void publishTimestamp(Timestamp model) {
    timestampVersion = model.version();
    files.put("metadata/timestamp.json", sign(model, signers("timestamp")));
  }

  /** Sets the next timestamp/snapshot version numbers (e.g. to restart at 1 after recovery). */
  public void resetVersions(long timestamp, long snapshot) {
    this.timestampVersion = timestamp;
    this.snapshotVersion = snapshot;
  }

  /** Removes a role from future snapshots (its model and files stay). */
  public void forgetRole(String role) {
    targets.remove(role);
  }
}
