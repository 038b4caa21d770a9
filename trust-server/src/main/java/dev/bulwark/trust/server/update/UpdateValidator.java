package dev.bulwark.trust.server.update;

import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.error.VerificationException;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.Snapshot;
import dev.bulwark.trust.core.model.Targets;
import dev.bulwark.trust.core.model.Timestamp;
import dev.bulwark.trust.server.store.MetaUpdate;
import dev.bulwark.trust.server.store.StoreException;
import dev.bulwark.trust.server.store.StoredFile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Validates one update against the stored state and produces every file to store: the accepted
 * uploads plus the snapshot (when the server holds its key) and always a new timestamp. Pure apart
 * from {@link HeldKeys}; nothing is stored here.
 */
public final class UpdateValidator {
  private static final Dialect D = Dialect.NOTARY;
  private final Clock clock;
  private final Duration snapshotExpiry;
  private final Duration timestampExpiry;

  public UpdateValidator(Clock clock, Duration snapshotExpiry, Duration timestampExpiry) {
    this.clock = clock;
    this.snapshotExpiry = snapshotExpiry;
    this.timestampExpiry = timestampExpiry;
  }

  /**
   * @param current the stored current version of each role
   * @param uploads uploaded bytes by role (already shape-checked, no timestamp)
   */
  public List<MetaUpdate> validate(
      String gun, Map<String, StoredFile> current, Map<String, byte[]> uploads, HeldKeys keys)
      throws InvalidUpdateException, StoreException {
    Instant now = clock.instant();
    Map<String, byte[]> accepted = new LinkedHashMap<>(uploads);
    Metadata<Root> root = root(gun, current, accepted, now);
    Map<String, Metadata<Targets>> targets = targets(current, accepted, root, now);
    List<MetaUpdate> out = new ArrayList<>();
    for (String role : accepted.keySet()) {
      if (!role.equals("snapshot")) {
        out.add(
            new MetaUpdate(role, storable(role, version(role, root, targets)), accepted.get(role)));
      }
    }
    Metadata<Snapshot> snapshot = snapshot(current, accepted, root, keys, now);
    storable("snapshot", snapshot.signed().version());
    out.add(new MetaUpdate("snapshot", (int) snapshot.signed().version(), snapshot.rawBytes()));
    Metadata<Timestamp> ts = timestamp(current, snapshot.rawBytes(), root, keys, now);
    out.add(new MetaUpdate("timestamp", (int) ts.signed().version(), ts.rawBytes()));
    return out;
  }

  /** Versions are stored as 32-bit integers, like Notary's SQL schema. */
  private static int storable(String role, long version) throws InvalidUpdateException {
    if (version > Integer.MAX_VALUE) {
      throw new InvalidUpdateException(
          "ErrValidation", role + " version " + version + " is larger than " + Integer.MAX_VALUE);
    }
    return (int) version;
  }

  private static long version(
      String role, Metadata<Root> root, Map<String, Metadata<Targets>> targets) {
    return role.equals("root") ? root.signed().version() : targets.get(role).signed().version();
  }

  private Metadata<Root> root(
      String gun, Map<String, StoredFile> current, Map<String, byte[]> accepted, Instant now)
      throws InvalidUpdateException {
    Optional<Metadata<Root>> old =
        Optional.ofNullable(current.get("root")).map(f -> stored(f, Metadata::parseRoot));
    byte[] up = accepted.get("root");
    if (up == null) {
      return old.orElseThrow(
          () ->
              new InvalidUpdateException(
                  "ErrValidation", "no pre-existing root and no root provided in update."));
    }
    if (old.isPresent() && Arrays.equals(up, old.get().rawBytes())) {
      accepted.remove("root"); // re-upload of the current root: nothing to store
      return old.get();
    }
    Metadata<Root> next = parse("ErrBadRoot", "root", () -> Metadata.parseRoot(D, up));
    RootChecks.check(gun, old, next, now);
    return next;
  }

  private static Map<String, Metadata<Targets>> targets(
      Map<String, StoredFile> current,
      Map<String, byte[]> accepted,
      Metadata<Root> root,
      Instant now)
      throws InvalidUpdateException {
    List<String> roles =
        accepted.keySet().stream()
            .filter(RoleNames::isTargets)
            .sorted(Comparator.comparingInt(RoleNames::depth).thenComparing(r -> r))
            .toList();
    Map<String, Metadata<Targets>> done = new HashMap<>();
    for (String role : roles) {
      Metadata<Targets> md =
          parse("ErrBadTargets", role, () -> Metadata.parseTargets(D, accepted.get(role)));
      DelegationChecks.check(role, md.signed());
      try {
        if (role.equals("targets")) {
          root.signed().verify(RoleType.TARGETS, md);
        } else {
          checkDelegation(role, md, parentOf(role, done, current));
        }
        md.checkNotExpired(role, now);
      } catch (TrustException e) {
        throw new InvalidUpdateException("ErrBadTargets", e.getMessage());
      }
      done.put(role, md);
    }
    return done;
  }

  private static Metadata<Targets> parentOf(
      String role, Map<String, Metadata<Targets>> done, Map<String, StoredFile> current)
      throws InvalidUpdateException {
    String parent = RoleNames.parent(role);
    if (done.containsKey(parent)) {
      return done.get(parent);
    }
    StoredFile f = current.get(parent);
    if (f == null) {
      throw new InvalidUpdateException(
          "ErrBadTargets", "parent role " + parent + " of " + role + " does not exist");
    }
    return stored(f, Metadata::parseTargets);
  }

  /**
   * TUF 5.6.3: a threshold of the keys the parent delegates to this role. Targets outside the
   * delegated paths are stored as signed, as notary-server does: clients ignore them (TUF 5.6.7.2),
   * and refusing them would block every later publish to a delegation whose paths were narrowed.
   */
  private static void checkDelegation(String role, Metadata<Targets> md, Metadata<Targets> parent)
      throws VerificationException {
    parent.signed().verifyDelegate(role, md);
  }

  private Metadata<Snapshot> snapshot(
      Map<String, StoredFile> current,
      Map<String, byte[]> accepted,
      Metadata<Root> root,
      HeldKeys keys,
      Instant now)
      throws InvalidUpdateException, StoreException {
    byte[] up = accepted.get("snapshot");
    if (up != null) {
      Metadata<Snapshot> md =
          parse("ErrBadSnapshot", "snapshot", () -> Metadata.parseSnapshot(D, up));
      SnapshotChecks.check(md, current, accepted, root, now);
      return md;
    }
    Optional<SigningKey> key = keys.key("snapshot", root.signed().role(RoleType.SNAPSHOT));
    if (key.isEmpty()) {
      throw new InvalidUpdateException(
          "ErrBadHierarchy",
          "no snapshot was included in update and server does not hold current snapshot key for"
              + " repository",
          "snapshot");
    }
    return generateSnapshot(current, accepted, key.get(), now);
  }

  /** The next snapshot: every role of the previous one plus the uploads, at their newest bytes. */
  private Metadata<Snapshot> generateSnapshot(
      Map<String, StoredFile> current, Map<String, byte[]> accepted, SigningKey key, Instant now) {
    Optional<Metadata<Snapshot>> prev =
        Optional.ofNullable(current.get("snapshot")).map(f -> stored(f, Metadata::parseSnapshot));
    TreeSet<String> roles = new TreeSet<>(accepted.keySet());
    prev.ifPresent(p -> roles.addAll(p.signed().meta().keySet()));
    roles.add("root");
    roles.add("targets");
    Map<String, MetaFile> meta = new LinkedHashMap<>();
    for (String role : roles) {
      byte[] bytes = accepted.containsKey(role) ? accepted.get(role) : dataOf(current, role);
      if (bytes != null && !role.equals("snapshot") && !role.equals("timestamp")) {
        meta.put(role, MetaFile.ofBytes(bytes));
      }
    }
    long version = prev.map(p -> p.signed().version() + 1).orElse(1L);
    Snapshot s =
        new Snapshot(version, now.plus(snapshotExpiry), Optional.empty(), meta, JsonObject.EMPTY);
    return Metadata.sign(D, s, List.of(key));
  }

  private Metadata<Timestamp> timestamp(
      Map<String, StoredFile> current,
      byte[] snapshot,
      Metadata<Root> root,
      HeldKeys keys,
      Instant now)
      throws InvalidUpdateException, StoreException {
    SigningKey key =
        keys.key("timestamp", root.signed().role(RoleType.TIMESTAMP))
            .orElseThrow(
                () ->
                    new InvalidUpdateException(
                        "ErrBadRoot", "no timestamp keys exist on the server"));
    StoredFile prev = current.get("timestamp");
    long version = prev == null ? 1 : prev.version() + 1L;
    return TimestampSigner.sign(key, version, now.plus(timestampExpiry), snapshot);
  }

  private static byte[] dataOf(Map<String, StoredFile> current, String role) {
    StoredFile f = current.get(role);
    return f == null ? null : f.data();
  }

  /** Parser of one metadata type. */
  @FunctionalInterface
  interface Parser<T> {
    T parse() throws MalformedMetadataException;
  }

  static <T> T parse(String errorName, String role, Parser<T> parser)
      throws InvalidUpdateException {
    try {
      return parser.parse();
    } catch (MalformedMetadataException e) {
      throw new InvalidUpdateException(errorName, role + ": " + e.getMessage());
    }
  }

  /** Stored metadata was validated on the way in; failing to parse it is a server bug. */
  @FunctionalInterface
  interface StoredParser<T> {
    T parse(Dialect d, byte[] raw) throws MalformedMetadataException;
  }

  static <T> T stored(StoredFile f, StoredParser<T> parser) {
    try {
      return parser.parse(D, f.data());
    } catch (MalformedMetadataException e) {
      throw new IllegalStateException(
          "stored " + f.role() + " v" + f.version() + " of " + f.gun() + " does not parse", e);
    }
  }
}
