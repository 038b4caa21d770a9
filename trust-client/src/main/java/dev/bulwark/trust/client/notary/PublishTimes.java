package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.client.fetch.DownloadException;
import dev.bulwark.trust.client.fetch.RemoteNotFoundException;
import dev.bulwark.trust.core.crypto.Digests;
import dev.bulwark.trust.core.error.HashMismatchException;
import dev.bulwark.trust.core.error.LengthMismatchException;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Snapshot;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When each version of each targets role was first published, as far as the server's changefeed
 * tells: every record names a timestamp, the timestamp names a snapshot, the snapshot names a
 * version (by hash) of every targets role; a role version's time is the earliest {@code CreatedAt}
 * of a record whose snapshot lists it. The times are the server's clock and are not signed.
 *
 * <p>A deletion record starts the history afresh (what came before belonged to a deleted
 * collection). Timestamps or snapshots the server no longer has are skipped and counted.
 */
public final class PublishTimes {
  private final Map<String, Instant> first; // "<role> <sha256 hex>" -> earliest time
  private final int unresolved;

  private PublishTimes(Map<String, Instant> first, int unresolved) {
    this.first = Map.copyOf(first);
    this.unresolved = unresolved;
  }

  /** Fetches what the records name and maps role versions to times. */
  public static PublishTimes resolve(NotaryRemote remote, Gun gun, List<ChangefeedRecord> records)
      throws DownloadException, HistoryException {
    Map<String, Instant> first = new HashMap<>();
    Map<String, Map<String, String>> snapshots = new HashMap<>(); // sha256 -> role -> sha256
    int unresolved = 0;
    for (ChangefeedRecord r : records) {
      if (r.category() == ChangefeedRecord.Category.DELETION) {
        first.clear();
        unresolved = 0;
        continue;
      }
      Optional<Map<String, String>> roles = rolesOf(remote, gun, r, snapshots);
      if (roles.isEmpty()) {
        unresolved++;
        continue;
      }
      for (Map.Entry<String, String> e : roles.get().entrySet()) {
        first.merge(e.getKey() + " " + e.getValue(), r.createdAt(), PublishTimes::earlier);
      }
    }
    return new PublishTimes(first, unresolved);
  }

  /** The earliest time a snapshot listed the version of {@code role} whose bytes hash to this. */
  public Optional<Instant> of(String role, String sha256Hex) {
    return Optional.ofNullable(first.get(role + " " + sha256Hex));
  }

  /** Records whose timestamp or snapshot the server no longer serves (after the last deletion). */
  public int unresolved() {
    return unresolved;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** The targets roles (role -> sha256 hex) of the snapshot the record's timestamp names. */
  private static Optional<Map<String, String>> rolesOf(
      NotaryRemote remote, Gun gun, ChangefeedRecord r, Map<String, Map<String, String>> cache)
      throws DownloadException, HistoryException {
    byte[] sha = HexFormat.of().parseHex(r.sha256());
    byte[] tsBytes;
    try {
      tsBytes =
          remote
              .fetcher()
              .fetch(
                  remote.layout().byChecksum(gun, "timestamp", sha),
                  NotaryRemote.MAX_TIMESTAMP_SIZE);
    } catch (RemoteNotFoundException e) {
      return Optional.empty();
    }
    String where = "timestamp." + r.sha256() + ".json (changefeed record " + r.id() + ")";
    if (!Digests.sha256Hex(tsBytes).equals(r.sha256())) {
      throw new HistoryException(where + ": the server sent bytes with a different sha256");
    }
    MetaFile snapMeta;
    try {
      snapMeta = Metadata.parseTimestamp(Dialect.NOTARY, tsBytes).signed().snapshotMeta();
    } catch (MalformedMetadataException e) {
      throw new HistoryException(where + ": not a timestamp (" + e.getMessage() + ")", e);
    }
    Optional<byte[]> snapSha = snapMeta.hashes().get("sha256");
    if (snapSha.isEmpty()) {
      throw new HistoryException(where + ": the snapshot is not listed with a sha256");
    }
    String key = HexFormat.of().formatHex(snapSha.get());
    Map<String, String> cached = cache.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Map<String, String>> roles = snapshotRoles(remote, gun, snapMeta, where);
    roles.ifPresent(m -> cache.put(key, m));
    return roles;
  }

  private static Optional<Map<String, String>> snapshotRoles(
      NotaryRemote remote, Gun gun, MetaFile snapMeta, String where)
      throws DownloadException, HistoryException {
    byte[] bytes;
    try {
      bytes = remote.described(gun, "snapshot", snapMeta);
    } catch (RemoteNotFoundException e) {
      return Optional.empty();
    }
    Snapshot snap;
    try {
      snapMeta.verify(bytes, "snapshot named by " + where);
      snap = Metadata.parseSnapshot(Dialect.NOTARY, bytes).signed();
    } catch (LengthMismatchException | HashMismatchException e) {
      throw new HistoryException(e.getMessage(), e);
    } catch (MalformedMetadataException e) {
      throw new HistoryException(
          "snapshot named by " + where + ": not a snapshot (" + e.getMessage() + ")", e);
    }
    Map<String, String> roles = new HashMap<>();
    for (Map.Entry<String, MetaFile> e : snap.meta().entrySet()) {
      String role = e.getKey();
      if (!role.equals("targets") && !role.startsWith("targets/")) {
        continue;
      }
      e.getValue()
          .hashes()
          .get("sha256")
          .ifPresent(h -> roles.put(role, HexFormat.of().formatHex(h)));
    }
    return Optional.of(roles);
  }
}
