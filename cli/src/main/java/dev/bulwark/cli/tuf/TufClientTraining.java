package dev.bulwark.cli.tuf;

import dev.bulwark.trust.client.TufRemoteLayout;
import dev.bulwark.trust.client.Updater;
import dev.bulwark.trust.client.fetch.RemoteNotFoundException;
import dev.bulwark.trust.client.store.InMemoryMetadataStore;
import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.Signed;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.Snapshot;
import dev.bulwark.trust.core.model.TargetFile;
import dev.bulwark.trust.core.model.Targets;
import dev.bulwark.trust.core.model.Timestamp;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AOT training run for {@code tuf-client}: a full refresh and target lookup against a small
 * repository signed in memory (ECDSA P-256 and Ed25519, like the conformance suite), with no disk
 * or network I/O, so that the classes of the hot path are loaded and linked ahead of time.
 */
public final class TufClientTraining {
  private TufClientTraining() {}

  /** Runs the training; failures are ignored (training must never break the build of a cache). */
  public static void run() {
    try {
      train();
    } catch (Exception | LinkageError e) {
      // The cache is an optimisation only.
    }
  }

  private static void train() throws Exception {
    SigningKey ec = SigningKey.generate(Dialect.TUF, KeyAlgorithm.ECDSA_P256);
    SigningKey ed = SigningKey.generate(Dialect.TUF, KeyAlgorithm.ED25519);
    Instant expires = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Optional<String> spec = Optional.of(Dialect.TUF_SPEC_VERSION);
    Map<String, Key> keys = new LinkedHashMap<>();
    keys.put(ec.keyId(), ec.key());
    keys.put(ed.keyId(), ed.key());
    Role role = new Role(List.of(ec.keyId(), ed.keyId()), 2);
    Map<String, Role> roles =
        Map.of("root", role, "timestamp", role, "snapshot", role, "targets", role);
    byte[] data = "training".getBytes(StandardCharsets.UTF_8);
    Map<String, byte[]> files = new HashMap<>();
    byte[] root = sign(new Root(1, expires, spec, true, keys, roles, JsonObject.EMPTY), ec, ed);
    byte[] targets =
        sign(
            new Targets(
                1,
                expires,
                spec,
                Map.of("a/b.txt", TargetFile.of(data, Optional.empty())),
                Optional.empty(),
                JsonObject.EMPTY),
            ec,
            ed);
    files.put("1.targets.json", targets);
    byte[] snapshot =
        sign(
            new Snapshot(
                1, expires, spec, Map.of("targets", MetaFile.of(1, targets)), JsonObject.EMPTY),
            ec,
            ed);
    files.put("1.snapshot.json", snapshot);
    files.put(
        "timestamp.json",
        sign(new Timestamp(1, expires, spec, MetaFile.of(1, snapshot), JsonObject.EMPTY), ec, ed));
    InMemoryMetadataStore store = new InMemoryMetadataStore();
    store.write("root", root);
    Updater updater =
        Updater.builder()
            .store(store)
            .layout(new TufRemoteLayout(URI.create("mem:/metadata/"), Optional.empty()))
            .fetcher(
                (uri, max) -> {
                  byte[] body = files.get(uri.getPath().substring("/metadata/".length()));
                  if (body == null) {
                    throw new RemoteNotFoundException(uri, "not found");
                  }
                  return body;
                })
            .build();
    updater.findTarget("a/b.txt").file().verify(data, "a/b.txt");
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      client.version();
    }
  }

  private static byte[] sign(Signed signed, SigningKey... keys) {
    return Metadata.sign(Dialect.TUF, signed, List.of(keys)).rawBytes();
  }
}
