package dev.bulwark.trust.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.client.fetch.RemoteNotFoundException;
import dev.bulwark.trust.client.store.InMemoryMetadataStore;
import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.error.HashMismatchException;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The same workflow over Notary v1 metadata: no meta versions (hashes identify files), base64, raw
 * ECDSA, capitalised types, files addressed by sha256 (a Notary-like {@link RemoteLayout}).
 */
class NotaryDialectTest {
  private static final Dialect N = Dialect.NOTARY;
  private final SigningKey key = SigningKey.generate(N, KeyAlgorithm.ECDSA_P256);
  private final Map<String, byte[]> files = new HashMap<>();
  private final java.time.Instant expires = ClientFixture.NOW.plusSeconds(86_400);

  private byte[] sign(Signed s) {
    return Metadata.sign(N, s, List.of(key)).rawBytes();
  }

  /** role.sha256.json for snapshot/targets, N.root.json, timestamp.json — as Notary serves. */
  private final RemoteLayout layout =
      new RemoteLayout() {
        @Override
        public URI root(long version) {
          return URI.create("notary:/" + version + ".root.json");
        }

        @Override
        public URI timestamp() {
          return URI.create("notary:/timestamp.json");
        }

        @Override
        public URI metadata(String role, MetaFile meta, boolean consistentSnapshot) {
          return URI.create("notary:/" + role + "." + meta.hashes().hex().get("sha256") + ".json");
        }

        @Override
        public Optional<URI> target(String path, TargetFile target, boolean hashPrefix) {
          return Optional.empty();
        }
      };

  private void publish(long snapshotVersion, byte[] targets) {
    publish(snapshotVersion, targets, snapshotVersion);
  }

  private void publish(long snapshotVersion, byte[] targets, long timestampVersion) {
    files.put(name("targets", targets), targets);
    byte[] snapshot =
        sign(
            new Snapshot(
                snapshotVersion,
                expires,
                Optional.empty(),
                Map.of("targets", MetaFile.ofBytes(targets)),
                JsonObject.EMPTY));
    files.put(name("snapshot", snapshot), snapshot);
    files.put(
        "timestamp.json",
        sign(
            new Timestamp(
                timestampVersion,
                expires,
                Optional.empty(),
                MetaFile.ofBytes(snapshot),
                JsonObject.EMPTY)));
  }

  private static String name(String role, byte[] bytes) {
    return role + "." + dev.bulwark.trust.core.crypto.Digests.sha256Hex(bytes) + ".json";
  }

  private byte[] targets(long version, String tag, String content) {
    TargetFile file = TargetFile.of(content.getBytes(StandardCharsets.UTF_8), Optional.empty());
    return sign(
        new Targets(
            version,
            expires,
            Optional.empty(),
            Map.of(tag, file),
            Optional.empty(),
            JsonObject.EMPTY));
  }

  private Updater updater(InMemoryMetadataStore store) {
    return Updater.builder()
        .store(store)
        .layout(layout)
        .dialect(N)
        .clock(Clock.fixed(ClientFixture.NOW, ZoneOffset.UTC))
        .fetcher(
            (uri, max) -> {
              byte[] b = files.get(uri.getSchemeSpecificPart().substring(1));
              if (b == null) {
                throw new RemoteNotFoundException(uri, "404");
              }
              return b;
            })
        .build();
  }

  private InMemoryMetadataStore storeWithRoot() {
    Map<String, Key> keys = Map.of(key.keyId(), key.key());
    Role r = new Role(List.of(key.keyId()), 1);
    Map<String, Role> roles = Map.of("root", r, "timestamp", r, "snapshot", r, "targets", r);
    InMemoryMetadataStore store = new InMemoryMetadataStore();
    store.write(
        "root", sign(new Root(1, expires, Optional.empty(), false, keys, roles, JsonObject.EMPTY)));
    return store;
  }

  @Test
  void notaryCollection_refreshesByHashAndFindsTag() throws Exception {
    publish(1, targets(1, "v1.0", "digest-a"));
    InMemoryMetadataStore store = storeWithRoot();
    Updater u = updater(store);
    assertThat(u.findTarget("v1.0").file().length()).isEqualTo(8);
    assertThat(store.read("snapshot")).isPresent();
  }

  @Test
  void notarySnapshotRollback_isRefusedWithoutMetaVersions() throws Exception {
    publish(2, targets(2, "v2.0", "digest-b"));
    InMemoryMetadataStore store = storeWithRoot();
    updater(store).refresh();
    byte[] trusted = store.read("snapshot").orElseThrow();
    files.clear();
    publish(1, targets(1, "v1.0", "digest-a"), 3); // newer timestamp, older snapshot
    assertThatThrownBy(() -> updater(store).refresh())
        .isInstanceOf(dev.bulwark.trust.core.error.RollbackException.class)
        .hasMessageContaining("snapshot: expected version >= 2");
    assertThat(store.read("snapshot")).hasValue(trusted);
  }

  @Test
  void notaryTargetsNotMatchingSnapshotHash_isRefused() throws Exception {
    byte[] good = targets(1, "v1.0", "digest-a");
    publish(1, good);
    files.put(name("targets", good), targets(1, "v1.0", "digest-evil"));
    InMemoryMetadataStore store = storeWithRoot();
    assertThatThrownBy(() -> updater(store).refresh())
        .isInstanceOfAny(
            HashMismatchException.class,
            dev.bulwark.trust.core.error.LengthMismatchException.class);
    assertThat(store.read("targets")).isEmpty();
  }
}
