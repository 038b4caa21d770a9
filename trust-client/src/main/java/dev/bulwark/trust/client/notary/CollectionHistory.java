package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.client.fetch.DownloadException;
import dev.bulwark.trust.client.fetch.RemoteNotFoundException;
import dev.bulwark.trust.core.crypto.Digests;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Signature;
import dev.bulwark.trust.core.model.TargetFile;
import dev.bulwark.trust.core.model.Targets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The history of a collection's targets roles: every stored version ({@code N.<role>.json}) of
 * {@code targets} and each delegation, oldest first per role, each with the time it was first
 * published according to the server's changefeed ({@link PublishTimes}). Older versions are shown
 * as stored, not verified; the times are the server's word, not signed.
 *
 * @param gun the collection
 * @param versions per role in the given order, versions ascending
 * @param timesUnavailable why no version has a time (no changefeed), or empty
 * @param unresolvedRecords changefeed records whose timestamp or snapshot the server lacks
 */
public record CollectionHistory(
    Gun gun, List<RoleVersion> versions, Optional<String> timesUnavailable, int unresolvedRecords) {
  /**
   * Most versions walked per role, newest first. A role with more shows only its newest ones; a
   * target present in all of them counts from the oldest shown (newer than it may be, never older).
   */
  public static final int MAX_VERSIONS = 10_000;

  public CollectionHistory {
    Objects.requireNonNull(gun, "gun");
    versions = List.copyOf(versions);
    Objects.requireNonNull(timesUnavailable, "timesUnavailable");
  }

  /** The history of every targets role of a verified collection. */
  public static CollectionHistory read(
      NotaryRemote remote, NotaryCollection current, int maxRecords)
      throws DownloadException, HistoryException {
    Map<String, Metadata<Targets>> latest = new LinkedHashMap<>();
    for (VerifiedTargets vt : current.targets()) {
      latest.put(vt.role(), vt.metadata());
    }
    return read(remote, current.gun(), latest, maxRecords);
  }

  /**
   * The history of the roles in {@code latest} (role -> its current, verified metadata, used as the
   * newest version instead of downloading it again).
   */
  public static CollectionHistory read(
      NotaryRemote remote, Gun gun, Map<String, Metadata<Targets>> latest, int maxRecords)
      throws DownloadException, HistoryException {
    Optional<PublishTimes> times = Optional.empty();
    Optional<String> unavailable = Optional.empty();
    switch (new Changefeed(remote).read(gun, maxRecords)) {
      case Changefeed.Feed.Available a ->
          times = Optional.of(PublishTimes.resolve(remote, gun, a.records()));
      case Changefeed.Feed.Unavailable u -> unavailable = Optional.of(u.reason());
    }
    List<RoleVersion> out = new ArrayList<>();
    for (Map.Entry<String, Metadata<Targets>> e : latest.entrySet()) {
      out.addAll(role(remote, gun, e.getKey(), e.getValue(), times));
    }
    return new CollectionHistory(
        gun, out, unavailable, times.map(PublishTimes::unresolved).orElse(0));
  }

  /** The versions of one role, oldest first. */
  public List<RoleVersion> of(String role) {
    return versions.stream().filter(v -> v.role().equals(role)).toList();
  }

  /**
   * The version of {@code role} in which {@code target}'s current entry (same length and hashes)
   * first appeared without interruption up to the newest version: a target removed and re-added, or
   * re-added with other content, counts from the re-add. A missing stored version breaks the run
   * (what it held is unknown), so the answer is never older than the history shows. Empty when the
   * newest version does not have the target.
   */
  public Optional<RoleVersion> currentSince(String role, String target) {
    List<RoleVersion> vs = of(role);
    if (vs.isEmpty() || !vs.getLast().targets().containsKey(target)) {
      return Optional.empty();
    }
    TargetFile now = vs.getLast().targets().get(target);
    RoleVersion since = vs.getLast();
    for (int i = vs.size() - 2; i >= 0; i--) {
      RoleVersion v = vs.get(i);
      TargetFile then = v.targets().get(target);
      if (v.version() != since.version() - 1 || then == null || !sameContent(then, now)) {
        break;
      }
      since = v;
    }
    return Optional.of(since);
  }

  private static boolean sameContent(TargetFile a, TargetFile b) {
    return a.length() == b.length() && a.hashes().equals(b.hashes());
  }

  private static List<RoleVersion> role(
      NotaryRemote remote,
      Gun gun,
      String role,
      Metadata<Targets> newest,
      Optional<PublishTimes> times)
      throws DownloadException, HistoryException {
    List<RoleVersion> out = new ArrayList<>();
    Map<String, TargetFile> prev = Map.of();
    long last = newest.signed().version();
    for (long v = Math.max(1, last - MAX_VERSIONS + 1); v <= last; v++) {
      Metadata<Targets> md;
      if (v == last) {
        md = newest;
      } else {
        try {
          md = Metadata.parseTargets(Dialect.NOTARY, remote.version(gun, role, v));
        } catch (RemoteNotFoundException e) {
          continue; // Notary uploads targets from version 2; old versions may be gone.
        } catch (MalformedMetadataException e) {
          throw new HistoryException(
              v
                  + "."
                  + role
                  + ".json of "
                  + gun
                  + ": not targets metadata ("
                  + e.getMessage()
                  + ")",
              e);
        }
        if (md.signed().version() != v) {
          throw new HistoryException(
              v
                  + "."
                  + role
                  + ".json of "
                  + gun
                  + ": expected version "
                  + v
                  + ", found "
                  + md.signed().version());
        }
      }
      String sha = Digests.sha256Hex(md.rawBytes());
      Map<String, TargetFile> now = md.signed().targets();
      out.add(
          new RoleVersion(
              role,
              v,
              sha,
              times.flatMap(t -> t.of(role, sha)),
              md.signed().expires(),
              md.signatures().stream().map(Signature::keyId).toList(),
              now,
              missing(now, prev),
              changed(now, prev),
              missing(prev, now)));
      prev = now;
    }
    return out;
  }

  /** Names in {@code a} that {@code b} lacks, sorted. */
  private static List<String> missing(Map<String, TargetFile> a, Map<String, TargetFile> b) {
    List<String> out = new ArrayList<>();
    for (String name : new TreeSet<>(a.keySet())) {
      if (!b.containsKey(name)) {
        out.add(name);
      }
    }
    return out;
  }

  private static List<String> changed(Map<String, TargetFile> now, Map<String, TargetFile> prev) {
    List<String> out = new ArrayList<>();
    for (String name : new TreeSet<>(now.keySet())) {
      if (prev.containsKey(name) && !prev.get(name).equals(now.get(name))) {
        out.add(name);
      }
    }
    return out;
  }
}
