package dev.bulwark.trust.client;

import dev.bulwark.trust.core.error.ExpiredMetadataException;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.error.RollbackException;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.error.VersionMismatchException;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.Snapshot;
import dev.bulwark.trust.core.model.Targets;
import dev.bulwark.trust.core.model.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The metadata trusted during one update: a pure state machine over bytes and one reference time
 * (TUF 5.1), with no I/O. Each {@code update*} method verifies bytes against what is already
 * trusted and, when they pass, makes them trusted. Load order is enforced (misuse throws {@link
 * IllegalStateException}): root (any number of times) → timestamp → snapshot → targets → delegated
 * targets. No root may be loaded after the timestamp, no timestamp after the snapshot, no snapshot
 * after any targets.
 *
 * <p>Expired timestamp and snapshot metadata is kept (and the call still fails) so that it remains
 * the reference for rollback checks against the next version (python-tuf behaviour; conformance
 * {@code test_expired_local_timestamp}).
 */
public final class TrustedMetadataSet {
  private final Dialect dialect;
  private final Instant now;
  private final RootValidator validator;
  private Metadata<Root> root;
  private Metadata<Timestamp> timestamp;
  private Metadata<Snapshot> snapshot;
  private final Map<String, Metadata<Targets>> targets = new HashMap<>();
  private final Map<String, Set<String>> verifiedBy = new HashMap<>();

  /**
   * TUF 5.2: trusts {@code rootBytes} once they verify with a threshold of their own root keys and
   * pass {@code validator}. Root expiry is not checked here (5.3.10 does it after the update loop).
   */
  public TrustedMetadataSet(
      byte[] rootBytes, Instant referenceTime, Dialect dialect, RootValidator validator)
      throws TrustException {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.now = Objects.requireNonNull(referenceTime, "referenceTime");
    this.validator = Objects.requireNonNull(validator, "validator");
    Metadata<Root> initial = Metadata.parseRoot(dialect, rootBytes);
    initial.signed().verify(RoleType.ROOT, initial);
    validator.checkTrustedRoot(initial);
    this.root = initial;
  }

  /** The reference time of this update (TUF 5.1). */
  public Instant referenceTime() {
    return now;
  }

  public Dialect dialect() {
    return dialect;
  }

  public Metadata<Root> root() {
    return root;
  }

  public Optional<Metadata<Timestamp>> timestamp() {
    return Optional.ofNullable(timestamp);
  }

  public Optional<Metadata<Snapshot>> snapshot() {
    return Optional.ofNullable(snapshot);
  }

  /** A trusted targets role ({@code "targets"} or a delegated role). */
  public Optional<Metadata<Targets>> targets(String role) {
    return Optional.ofNullable(targets.get(role));
  }

  /**
   * TUF 5.3.4-5.3.8: trusts the next root version. It must be signed by a threshold of the
   * currently trusted root keys and by a threshold of its own root keys, and be exactly one version
   * newer. Its expiry is deliberately ignored (5.3.6).
   */
  public Metadata<Root> updateRoot(byte[] bytes) throws TrustException {
    if (timestamp != null) {
      throw new IllegalStateException("cannot update root after timestamp was loaded");
    }
    Metadata<Root> next = Metadata.parseRoot(dialect, bytes);
    // TUF 5.3.4: a threshold of the trusted root's keys, then of the new root's own keys.
    root.signed().verify(RoleType.ROOT, next);
    next.signed().verify(RoleType.ROOT, next);
    // TUF 5.3.5: exactly N+1, which also refuses rollback.
    long expected = root.signed().version() + 1;
    if (next.signed().version() != expected) {
      throw new VersionMismatchException(
          "root: expected version " + expected + ", found " + next.signed().version());
    }
    validator.checkNewRoot(root, next);
    root = next;
    return next;
  }

  /** TUF 5.3.10: the final root must not be expired (freeze attack). */
  public void checkRootNotExpired() throws ExpiredMetadataException {
    root.checkNotExpired("root", now);
  }

  /**
   * TUF 5.4: verifies a timestamp. Returns {@code false} (and keeps the trusted one) when the new
   * timestamp has the same version as the trusted one (5.4.3.1: not an error). Throws on rollback
   * of the timestamp or snapshot version; an expired timestamp becomes trusted (as the rollback
   * reference) but the call fails.
   */
  public boolean updateTimestamp(byte[] bytes) throws TrustException {
    if (snapshot != null) {
      throw new IllegalStateException("cannot update timestamp after snapshot was loaded");
    }
    checkRootNotExpired();
    Metadata<Timestamp> next = Metadata.parseTimestamp(dialect, bytes);
    root.signed().verify(RoleType.TIMESTAMP, next); // TUF 5.4.2
    if (timestamp != null) {
      long have = timestamp.signed().version();
      long got = next.signed().version();
      if (got < have) { // TUF 5.4.3.1
        throw new RollbackException(
            "timestamp: expected version >= " + have + " (trusted), found " + got);
      }
      if (got == have) {
        return false;
      }
      checkSnapshotMetaNotRolledBack(timestamp.signed().snapshotMeta(), next.signed());
    }
    timestamp = next;
    next.checkNotExpired("timestamp", now); // TUF 5.4.4
    return true;
  }

  // TUF 5.4.3.2: the snapshot version named by the timestamp must not decrease.
  private static void checkSnapshotMetaNotRolledBack(MetaFile trusted, Timestamp next)
      throws RollbackException {
    MetaFile got = next.snapshotMeta();
    if (trusted.version().isPresent()
        && got.version().isPresent()
        && got.version().getAsLong() < trusted.version().getAsLong()) {
      throw new RollbackException(
          "timestamp: expected snapshot version >= "
              + trusted.version().getAsLong()
              + ", found "
              + got.version().getAsLong());
    }
  }

  /**
   * TUF 5.5: verifies a snapshot against the trusted timestamp and root. {@code fromCache} marks
   * locally stored bytes, which skip the hash check when the timestamp names a version (the version
   * check identifies them). A snapshot with the wrong version or an expired one becomes trusted (as
   * the rollback reference) but the call fails.
   */
  public Metadata<Snapshot> updateSnapshot(byte[] bytes, boolean fromCache) throws TrustException {
    if (timestamp == null) {
      throw new IllegalStateException("cannot update snapshot before timestamp");
    }
    if (!targets.isEmpty()) {
      throw new IllegalStateException("cannot update snapshot after targets were loaded");
    }
    timestamp.checkNotExpired("timestamp", now);
    MetaFile meta = timestamp.signed().snapshotMeta();
    if (!fromCache) {
      meta.verify(bytes, "snapshot"); // TUF 5.5.2
    }
    Metadata<Snapshot> next = Metadata.parseSnapshot(dialect, bytes);
    root.signed().verify(RoleType.SNAPSHOT, next); // TUF 5.5.3
    if (snapshot != null) {
      checkSnapshotNotRolledBack(snapshot.signed(), next.signed()); // TUF 5.5.5
    }
    snapshot = next;
    if (fromCache && meta.version().isEmpty()) {
      // Notary names no version: only the hashes tell whether the cached snapshot is current.
      // A stale one stays trusted as the rollback reference for the download that follows.
      meta.verify(bytes, "snapshot");
    }
    checkFinalSnapshot();
    return next;
  }

  // TUF 5.5.4 and 5.5.6, also re-checked before any targets role is loaded.
  private void checkFinalSnapshot() throws TrustException {
    snapshot.checkNotExpired("snapshot", now);
    MetaFile meta = timestamp.signed().snapshotMeta();
    long got = snapshot.signed().version();
    if (meta.version().isPresent() && meta.version().getAsLong() != got) {
      throw new VersionMismatchException(
          "snapshot: expected version "
              + meta.version().getAsLong()
              + " (named by timestamp), found "
              + got);
    }
  }

  // TUF 5.5.5: no role may disappear or go back in version; the snapshot itself may not either.
  private static void checkSnapshotNotRolledBack(Snapshot trusted, Snapshot next)
      throws RollbackException {
    if (next.version() < trusted.version()) {
      throw new RollbackException(
          "snapshot: expected version >= " + trusted.version() + ", found " + next.version());
    }
    for (Map.Entry<String, MetaFile> e : trusted.meta().entrySet()) {
      MetaFile listed = next.meta().get(e.getKey());
      if (listed == null) {
        throw new RollbackException(
            "snapshot: role " + e.getKey() + " was listed in the trusted snapshot but is missing");
      }
      if (e.getValue().version().isPresent()
          && listed.version().isPresent()
          && listed.version().getAsLong() < e.getValue().version().getAsLong()) {
        throw new RollbackException(
            "snapshot: expected "
                + e.getKey()
                + " version >= "
                + e.getValue().version().getAsLong()
                + ", found "
                + listed.version().getAsLong());
      }
    }
  }

  /**
   * TUF 5.6: verifies top-level targets ({@code role = "targets"}, {@code delegator = "root"}) or a
   * delegated role against the snapshot and its (already trusted) delegator.
   */
  public Metadata<Targets> updateTargets(byte[] bytes, String role, String delegator)
      throws TrustException {
    if (snapshot == null) {
      throw new IllegalStateException("cannot load targets before snapshot");
    }
    checkDelegatedName(role, delegator);
    checkFinalSnapshot();
    MetaFile meta =
        snapshot
            .signed()
            .metaFor(role)
            .orElseThrow(() -> new RoleNotInSnapshotException(role, snapshot.signed().version()));
    meta.verify(bytes, role); // TUF 5.6.2
    Metadata<Targets> next = Metadata.parseTargets(dialect, bytes);
    verifyByDelegator(next, role, delegator); // TUF 5.6.3
    long got = next.signed().version();
    if (meta.version().isPresent() && meta.version().getAsLong() != got) { // TUF 5.6.4
      throw new VersionMismatchException(
          role + ": expected version " + meta.version().getAsLong() + ", found " + got);
    }
    next.checkNotExpired(role, now); // TUF 5.6.5
    targets.put(role, next);
    verifiedBy.computeIfAbsent(role, r -> new HashSet<>()).add(delegator);
    return next;
  }

  /**
   * The trusted {@code role}, checked against {@code delegator}'s keys if it was first reached
   * through another delegator (a role delegated by two roles must satisfy the one on the current
   * path, TUF 5.6.3).
   */
  public Optional<Metadata<Targets>> trustedTargetsVia(String role, String delegator)
      throws TrustException {
    Metadata<Targets> md = targets.get(role);
    if (md == null) {
      return Optional.empty();
    }
    if (!verifiedBy.get(role).contains(delegator)) {
      verifyByDelegator(md, role, delegator);
      verifiedBy.get(role).add(delegator);
    }
    return Optional.of(md);
  }

  // A delegated role is stored under its name: one named like a top-level role would replace that
  // role's trusted file (parsing refuses such delegations; this guards models built in code).
  private static void checkDelegatedName(String role, String delegator) throws TrustException {
    if (delegator.equals("root")) {
      return;
    }
    for (RoleType t : RoleType.values()) {
      if (t.roleName().equals(role)) {
        throw new MalformedMetadataException(
            delegator + " delegates to \"" + role + "\", a top-level role name");
      }
    }
  }

  private void verifyByDelegator(Metadata<Targets> md, String role, String delegator)
      throws TrustException {
    if (delegator.equals("root")) {
      if (!role.equals("targets")) {
        throw new IllegalArgumentException("root delegates only 'targets', not " + role);
      }
      root.signed().verify(RoleType.TARGETS, md);
      return;
    }
    Metadata<Targets> parent = targets.get(delegator);
    if (parent == null) {
      throw new IllegalStateException("delegator " + delegator + " of " + role + " not loaded");
    }
    parent.signed().verifyDelegate(role, md);
  }
}
