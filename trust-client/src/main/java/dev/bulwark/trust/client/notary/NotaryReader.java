package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.client.fetch.DownloadException;
import dev.bulwark.trust.client.store.MetadataStore;
import dev.bulwark.trust.core.error.HashMismatchException;
import dev.bulwark.trust.core.error.LengthMismatchException;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.Snapshot;
import dev.bulwark.trust.core.model.Timestamp;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads and verifies a Notary v1 collection the way the real client does (research/notary.md fact
 * 11 and §3.6): trusted root (cache, or first use under trust pinning) → timestamp.json → snapshot
 * by hash → root rotation if the snapshot lists a different root → targets by hash → delegations by
 * hash, breadth first; a delegation that is expired or below its threshold is left out and reported
 * in {@link NotaryCollection#skipped()}, as the real client does. Any verification failure with a
 * cached root triggers one root update and a second attempt, as in Notary. Verified metadata is
 * cached only when everything verified.
 */
public final class NotaryReader {
  private final NotaryRemote remote;
  private final TrustPinning pinning;
  private final Clock clock;
  private final Function<Gun, MetadataStore> cacheFor;

  /**
   * @param cacheFor the metadata cache of a GUN, e.g. {@code gun -> new NotaryTrustDir(dir, gun)}
   */
  public NotaryReader(
      NotaryRemote remote,
      TrustPinning pinning,
      Clock clock,
      Function<Gun, MetadataStore> cacheFor) {
    this.remote = Objects.requireNonNull(remote, "remote");
    this.pinning = Objects.requireNonNull(pinning, "pinning");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cacheFor = Objects.requireNonNull(cacheFor, "cacheFor");
  }

  /** Fetches, verifies and caches the collection {@code gun}. */
  public NotaryCollection read(Gun gun) throws TrustException, DownloadException, IOException {
    MetadataStore cache = cacheFor.apply(gun);
    Instant now = clock.instant();
    RootChain chain = new RootChain(remote, gun, new RootValidator(gun, pinning), now);
    Optional<Metadata<Root>> cached = cachedRoot(cache, gun);
    Metadata<Root> root = cached.isPresent() ? cached.get() : chain.bootstrap();
    NotaryCollection result;
    try {
      result = attempt(gun, root, cache, now);
    } catch (RootChanged changed) {
      root = chain.update(root, Optional.of(changed.listed));
      result = attempt(gun, root, cache, now);
    } catch (TrustException e) {
      if (cached.isEmpty() || e instanceof NoTrustDataException) {
        throw e;
      }
      // Notary: on any error with a cached root, fetch the newest root and try once more.
      root = chain.update(root, Optional.empty());
      result = attempt(gun, root, cache, now);
    }
    persist(cache, result, cached);
    return result;
  }

  private NotaryCollection attempt(Gun gun, Metadata<Root> root, MetadataStore cache, Instant now)
      throws TrustException, DownloadException, IOException {
    Versions cachedVersions = new Versions(cache);
    Metadata<Timestamp> ts = timestamp(gun, root, now, cachedVersions);
    MetaFile snapMeta = ts.signed().snapshotMeta();
    Metadata<Snapshot> snap =
        Metadata.parseSnapshot(Dialect.NOTARY, remote.described(gun, "snapshot", snapMeta, cache));
    snap.checkAgainst(snapMeta, "snapshot");
    root.signed().verify(RoleType.SNAPSHOT, snap);
    snap.checkNotExpired("snapshot", now);
    cachedVersions.checkNotOlder("snapshot", snap);
    Optional<MetaFile> listedRoot = snap.signed().metaFor("root");
    if (listedRoot.isPresent() && !matches(listedRoot.get(), root)) {
      throw new RootChanged(listedRoot.get());
    }
    var walker = new DelegationWalker(remote, gun, snap.signed(), now, cachedVersions, cache);
    List<VerifiedTargets> targets = walker.walk(root.signed());
    return new NotaryCollection(gun, root, ts, snap, targets, walker.skipped());
  }

  private Metadata<Timestamp> timestamp(
      Gun gun, Metadata<Root> root, Instant now, Versions cachedVersions)
      throws TrustException, DownloadException {
    byte[] raw =
        remote
            .current(gun, "timestamp", NotaryRemote.MAX_TIMESTAMP_SIZE)
            .orElseThrow(() -> new NoTrustDataException(gun));
    Metadata<Timestamp> ts = Metadata.parseTimestamp(Dialect.NOTARY, raw);
    root.signed().verify(RoleType.TIMESTAMP, ts);
    ts.checkNotExpired("timestamp", now);
    cachedVersions.checkNotOlder("timestamp", ts);
    return ts;
  }

  private static boolean matches(MetaFile listed, Metadata<Root> root) {
    try {
      root.checkAgainst(listed, "root");
      return true;
    } catch (HashMismatchException | LengthMismatchException e) {
      return false;
    }
  }

  private static Optional<Metadata<Root>> cachedRoot(MetadataStore cache, Gun gun)
      throws IOException, TrustException {
    Optional<byte[]> raw = cache.read("root");
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      Metadata<Root> root = Metadata.parseRoot(Dialect.NOTARY, raw.get());
      root.signed().verify(RoleType.ROOT, root);
      return Optional.of(root);
    } catch (TrustException e) {
      throw new MalformedMetadataException(
          "cached root of "
              + gun
              + " is unusable ("
              + e.getMessage()
              + "); delete the GUN's metadata directory in the trust dir to trust anew",
          e);
    }
  }

  private static void persist(MetadataStore cache, NotaryCollection c, Optional<Metadata<Root>> old)
      throws IOException {
    if (old.isEmpty() || !java.util.Arrays.equals(old.get().rawBytes(), c.root().rawBytes())) {
      cache.write("root", c.root().rawBytes());
    }
    cache.write("timestamp", c.timestamp().rawBytes());
    cache.write("snapshot", c.snapshot().rawBytes());
    for (VerifiedTargets vt : c.targets()) {
      cache.write(vt.role(), vt.metadata().rawBytes());
    }
  }

  /** The snapshot lists a root other than the trusted one: rotate, then start over. */
  private static final class RootChanged extends TrustException {
    private final transient MetaFile listed;

    RootChanged(MetaFile listed) {
      super("snapshot lists a newer root");
      this.listed = listed;
    }
  }
}
