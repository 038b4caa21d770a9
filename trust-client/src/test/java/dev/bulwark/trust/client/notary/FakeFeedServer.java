package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.client.fetch.DownloadException;
import dev.bulwark.trust.client.fetch.Fetcher;
import dev.bulwark.trust.client.fetch.HttpStatusException;
import dev.bulwark.trust.client.fetch.LengthExceededException;
import dev.bulwark.trust.client.fetch.RemoteNotFoundException;
import dev.bulwark.trust.core.crypto.Digests;
import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.Snapshot;
import dev.bulwark.trust.core.model.TargetFile;
import dev.bulwark.trust.core.model.Targets;
import dev.bulwark.trust.core.model.Timestamp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An in-memory Notary server for one GUN that keeps every version of every role and a changefeed
 * record per timestamp write, the way notary-server does. Tests publish role versions at chosen
 * times and can replace the changefeed to stage hostile answers.
 */
final class FakeFeedServer implements Fetcher {
  static final Gun GUN = new Gun("example.com/app");
  static final URI URL = URI.create("https://notary.test:4443");
  private static final SigningKey KEY =
      SigningKey.generate(Dialect.NOTARY, KeyAlgorithm.ECDSA_P256);
  private static final Instant EXPIRES = Instant.parse("2036-01-01T00:00:00Z");

  private final Map<String, byte[]> files = new HashMap<>();
  private final Map<String, Metadata<Targets>> current = new LinkedHashMap<>();
  private final List<String> feed = new ArrayList<>(); // JSON of each record, index = ID - 1
  private final List<URI> requests = new ArrayList<>();
  private long snapshotVersion;
  private long timestampVersion;
  private byte[] snapshotBytes;
  private int changefeedStatus = 200;
  private Function<URI, byte[]> changefeedOverride;

  NotaryRemote remote() {
    return new NotaryRemote(new NotaryLayout(URL), this);
  }

  static TargetFile file(String content) {
    return TargetFile.of(content.getBytes(StandardCharsets.UTF_8), Optional.empty());
  }

  /** Publishes new versions of the given roles (full target sets) at {@code at}. */
  FakeFeedServer publish(Instant at, Map<String, Map<String, TargetFile>> roles) {
    for (Map.Entry<String, Map<String, TargetFile>> e : roles.entrySet()) {
      String role = e.getKey();
      // Notary: the first uploaded version is 2 (version 1 stays on the client).
      long v = current.containsKey(role) ? current.get(role).signed().version() + 1 : 2;
      Metadata<Targets> md =
          Metadata.sign(
              Dialect.NOTARY,
              new Targets(
                  v, EXPIRES, Optional.empty(), e.getValue(), Optional.empty(), JsonObject.EMPTY),
              List.of(KEY));
      current.put(role, md);
      store(role, v, md.rawBytes());
    }
    Map<String, MetaFile> meta = new LinkedHashMap<>();
    current.forEach((role, md) -> meta.put(role, MetaFile.ofBytes(md.rawBytes())));
    snapshotBytes =
        Metadata.sign(
                Dialect.NOTARY,
                new Snapshot(++snapshotVersion, EXPIRES, Optional.empty(), meta, JsonObject.EMPTY),
                List.of(KEY))
            .rawBytes();
    store("snapshot", snapshotVersion, snapshotBytes);
    return resignTimestamp(at);
  }

  /** A new timestamp for the same snapshot (Notary's lazy re-sign), recorded at {@code at}. */
  FakeFeedServer resignTimestamp(Instant at) {
    byte[] ts =
        Metadata.sign(
                Dialect.NOTARY,
                new Timestamp(
                    ++timestampVersion,
                    EXPIRES,
                    Optional.empty(),
                    MetaFile.ofBytes(snapshotBytes),
                    JsonObject.EMPTY),
                List.of(KEY))
            .rawBytes();
    store("timestamp", timestampVersion, ts);
    record(at, timestampVersion, Digests.sha256Hex(ts), "update");
    return this;
  }

  /** Deletes the collection (all files) and records it. */
  FakeFeedServer delete(Instant at) {
    files.clear();
    current.clear();
    snapshotVersion = 0;
    timestampVersion = 0;
    record(at, 0, "", "deletion");
    return this;
  }

  /** Forgets a stored file, e.g. {@code "timestamp.<sha>.json"} or {@code "3.targets.json"}. */
  void forget(String file) {
    files.remove(file);
  }

  /** Serves {@code bytes} under a file name, e.g. to answer a checksum URL with other bytes. */
  void serve(String file, byte[] bytes) {
    files.put(file, bytes);
  }

  byte[] stored(String file) {
    return files.get(file);
  }

  void changefeedStatus(int status) {
    changefeedStatus = status;
  }

  void changefeed(Function<URI, byte[]> override) {
    changefeedOverride = override;
  }

  Map<String, Metadata<Targets>> latest() {
    return new LinkedHashMap<>(current);
  }

  long changefeedRequests() {
    return requests.stream().filter(u -> u.getPath().endsWith("/changefeed")).count();
  }

  String timestampSha(long version) {
    return Digests.sha256Hex(files.get(version + ".timestamp.json"));
  }

  private void store(String role, long version, byte[] bytes) {
    files.put(version + "." + role + ".json", bytes);
    files.put(role + "." + Digests.sha256Hex(bytes) + ".json", bytes);
  }

  private void record(Instant at, long version, String sha, String category) {
    feed.add(
        "{\"ID\":\""
            + (feed.size() + 1)
            + "\",\"CreatedAt\":\""
            + at.truncatedTo(ChronoUnit.NANOS)
            + "\",\"GUN\":\""
            + GUN.name()
            + "\",\"Version\":"
            + version
            + ",\"SHA256\":\""
            + sha
            + "\",\"Category\":\""
            + category
            + "\"}");
  }

  @Override
  public byte[] fetch(URI uri, long maxLength) throws DownloadException {
    requests.add(uri);
    String prefix = "/v2/" + GUN.name() + "/_trust/";
    String path = uri.getPath();
    if (!path.startsWith(prefix)) {
      throw new RemoteNotFoundException(uri, "not found");
    }
    String rest = path.substring(prefix.length());
    byte[] body;
    if (rest.equals("changefeed")) {
      if (changefeedStatus == 404) {
        throw new RemoteNotFoundException(uri, "not found");
      } else if (changefeedStatus != 200) {
        throw new HttpStatusException(uri, changefeedStatus);
      }
      body = changefeedOverride != null ? changefeedOverride.apply(uri) : page(uri);
    } else {
      body = files.get(rest.substring("tuf/".length()));
      if (body == null) {
        throw new RemoteNotFoundException(uri, "not found");
      }
    }
    if (body.length > maxLength) {
      throw new LengthExceededException(uri, maxLength);
    }
    return body;
  }

  /** {@code change_id} = last ID seen, {@code records} = page size (as notary's memory store). */
  private byte[] page(URI uri) {
    Map<String, String> q = new HashMap<>();
    for (String kv : uri.getQuery().split("&")) {
      q.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
    }
    int from = Integer.parseInt(q.get("change_id"));
    int n = Integer.parseInt(q.get("records"));
    List<String> out = feed.subList(Math.min(from, feed.size()), Math.min(from + n, feed.size()));
    String records = out.isEmpty() ? "null" : "[" + String.join(",", out) + "]";
    return ("{\"count\":" + out.size() + ",\"records\":" + records + "}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
