package dev.bulwark.trust.server.update;

import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.Snapshot;
import dev.bulwark.trust.core.model.Timestamp;
import dev.bulwark.trust.server.keys.ServerKeys;
import dev.bulwark.trust.server.metrics.Metrics;
import dev.bulwark.trust.server.store.MetaStore;
import dev.bulwark.trust.server.store.MetaUpdate;
import dev.bulwark.trust.server.store.StoreException;
import dev.bulwark.trust.server.store.StoredFile;
import dev.bulwark.trust.server.store.VersionConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Serves metadata: current versions from the cache, and a timestamp (and server-held snapshot) that
 * is re-signed when it has expired (Notary {@code GetOrCreateTimestamp}, notary.md §2.1).
 */
public final class MetadataService {
  private static final Dialect D = Dialect.NOTARY;
  private final MetaStore store;
  private final MetadataCache cache;
  private final ServerKeys keys;
  private final Clock clock;
  private final Duration timestampExpiry;
  private final Duration snapshotExpiry;
  private final Metrics metrics;

  public MetadataService(
      MetaStore store,
      MetadataCache cache,
      ServerKeys keys,
      Clock clock,
      Duration timestampExpiry,
      Duration snapshotExpiry,
      Metrics metrics) {
    this.store = store;
    this.cache = cache;
    this.keys = keys;
    this.clock = clock;
    this.timestampExpiry = timestampExpiry;
    this.snapshotExpiry = snapshotExpiry;
    this.metrics = metrics;
  }

  /** The current version of a role; timestamp and snapshot are refreshed when expired. */
  public Optional<StoredFile> current(String gun, String role) throws StoreException {
    return switch (role) {
      case "timestamp" -> timestamp(gun);
      case "snapshot" -> snapshot(gun);
      default -> cached(gun, role).file();
    };
  }

  public Optional<StoredFile> byVersion(String gun, String role, int version)
      throws StoreException {
    return store.byVersion(gun, role, version);
  }

  public Optional<StoredFile> byChecksum(String gun, String role, String sha256)
      throws StoreException {
    return store.byChecksum(gun, role, sha256);
  }

  /** The current root, parsed (cached). */
  public Optional<Metadata<Root>> root(String gun) throws StoreException {
    MetadataCache.Entry e = cached(gun, "root");
    if (e.file().isEmpty()) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    Metadata<Root> root = (Metadata<Root>) e.parsed();
    return Optional.of(root);
  }

  private MetadataCache.Entry cached(String gun, String role) throws StoreException {
    return cache.get(
        gun,
        role,
        () -> {
          Optional<StoredFile> f = store.current(gun, role);
          Object parsed = null;
          if (f.isPresent() && role.equals("root")) {
            parsed = UpdateValidator.stored(f.get(), Metadata::parseRoot);
          } else if (f.isPresent() && role.equals("timestamp")) {
            parsed = UpdateValidator.stored(f.get(), Metadata::parseTimestamp).signed().expires();
          }
          return new MetadataCache.Entry(f, parsed, System.nanoTime());
        });
  }

  private Optional<StoredFile> timestamp(String gun) throws StoreException {
    MetadataCache.Entry e = cached(gun, "timestamp");
    if (e.file().isEmpty()) {
      return Optional.empty();
    }
    if (clock.instant().isBefore((Instant) e.parsed())) {
      return e.file();
    }
    refresh(gun);
    return cached(gun, "timestamp").file();
  }

  private Optional<StoredFile> snapshot(String gun) throws StoreException {
    Optional<StoredFile> ts = timestamp(gun);
    if (ts.isEmpty()) {
      return store.current(gun, "snapshot");
    }
    Timestamp t = UpdateValidator.stored(ts.get(), Metadata::parseTimestamp).signed();
    Optional<byte[]> sha = t.snapshotMeta().hashes().get("sha256");
    if (sha.isEmpty()) {
      return store.current(gun, "snapshot");
    }
    return store.byChecksum(gun, "snapshot", java.util.HexFormat.of().formatHex(sha.get()));
  }

  /**
   * Re-signs an expired timestamp (and an expired server-held snapshot). A concurrent re-sign by
   * another request or process wins the version race; then its result is served.
   */
  private void refresh(String gun) throws StoreException {
    synchronized (lockFor(gun)) {
      Optional<StoredFile> tsFile = store.current(gun, "timestamp");
      Optional<Metadata<Root>> root = root(gun);
      Optional<StoredFile> snapFile = store.current(gun, "snapshot");
      if (tsFile.isEmpty() || root.isEmpty() || snapFile.isEmpty()) {
        return;
      }
      Instant now = clock.instant();
      Metadata<Timestamp> ts = UpdateValidator.stored(tsFile.get(), Metadata::parseTimestamp);
      List<MetaUpdate> writes = new ArrayList<>();
      byte[] snapshot = snapFile.get().data();
      Metadata<Snapshot> snap = UpdateValidator.stored(snapFile.get(), Metadata::parseSnapshot);
      Optional<SigningKey> snapKey =
          keys.signingKey(gun, "snapshot", root.get().signed().role(RoleType.SNAPSHOT));
      if (snap.signed().isExpired(now) && snapKey.isPresent()) {
        Snapshot next =
            new Snapshot(
                snap.signed().version() + 1,
                now.plus(snapshotExpiry),
                Optional.empty(),
                snap.signed().meta(),
                JsonObject.EMPTY);
        snapshot = Metadata.sign(D, next, List.of(snapKey.get())).rawBytes();
        writes.add(new MetaUpdate("snapshot", (int) next.version(), snapshot));
      }
      boolean stale = !ts.signed().snapshotMeta().hashes().equals(hashesOf(snapshot));
      if (!writes.isEmpty() || stale || ts.signed().isExpired(now)) {
        signTimestamp(gun, root.get(), ts, snapshot, now, writes);
      }
    }
  }

  private static dev.bulwark.trust.core.model.Hashes hashesOf(byte[] data) {
    return dev.bulwark.trust.core.model.Hashes.of(data);
  }

  private void signTimestamp(
      String gun,
      Metadata<Root> root,
      Metadata<Timestamp> ts,
      byte[] snapshot,
      Instant now,
      List<MetaUpdate> writes)
      throws StoreException {
    Optional<SigningKey> key =
        keys.signingKey(gun, "timestamp", root.signed().role(RoleType.TIMESTAMP));
    if (key.isEmpty()) {
      return; // cannot re-sign: keep serving the expired one, clients will refuse it
    }
    long version = ts.signed().version() + 1;
    byte[] next =
        TimestampSigner.sign(key.get(), version, now.plus(timestampExpiry), snapshot).rawBytes();
    writes.add(new MetaUpdate("timestamp", (int) version, next));
    try {
      store.update(gun, writes);
      metrics.event("timestamp_resigned");
    } catch (VersionConflictException e) {
      metrics.event("timestamp_resign_lost_race");
    } finally {
      cache.invalidate(gun);
    }
  }

  private final java.util.concurrent.ConcurrentHashMap<String, Object> locks =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Object lockFor(String gun) {
    return locks.computeIfAbsent(gun, g -> new Object());
  }

  /** Drops cached state of a GUN after this process changed it. */
  public void invalidate(String gun) {
    cache.invalidate(gun);
  }
}
