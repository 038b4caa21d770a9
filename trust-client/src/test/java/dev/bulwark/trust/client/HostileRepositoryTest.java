package dev.bulwark.trust.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bulwark.testkit.tuf.RepositorySimulator;
import dev.bulwark.trust.client.fetch.DownloadException;
import dev.bulwark.trust.core.crypto.Digests;
import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.model.Delegations;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.Snapshot;
import dev.bulwark.trust.core.model.SuccinctRoles;
import dev.bulwark.trust.core.model.Targets;
import dev.bulwark.trust.core.model.Timestamp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A repository (or mirror, or holder of one role's key) that attacks the client: each test is one
 * attack, asserting that it fails and that the trusted files on disk keep their exact bytes.
 */
class HostileRepositoryTest {
  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static SigningKey newKey() {
    return SigningKey.generate(Dialect.TUF, KeyAlgorithm.ED25519);
  }

  /** File name → sha256 of every file in the metadata directory. */
  private static Map<String, String> contents(Path metadataDir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(metadataDir)) {
      for (Path p : files.toList()) {
        out.put(p.getFileName().toString(), Digests.sha256Hex(Files.readAllBytes(p)));
      }
    }
    return out;
  }

  private static void assertUnchangedExcept(
      Map<String, String> before, Map<String, String> after, Set<String> allowed) {
    Map<String, String> b = new TreeMap<>(before);
    Map<String, String> a = new TreeMap<>(after);
    allowed.forEach(
        name -> {
          b.remove(name);
          a.remove(name);
        });
    assertThat(a).isEqualTo(b);
  }

  // ---- delegations naming top-level roles --------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"root", "timestamp", "snapshot"})
  void delegationToATopLevelRoleName_cannotReplaceThatRolesTrustedFile(String name)
      throws Exception {
    // A targets key holder delegates to a role called "root" (with a key it owns) and the
    // snapshot lists "root.json": the delegated file must never be stored as the trusted root.
    ClientFixture f = new ClientFixture(dir);
    f.refresh();
    Map<String, String> before = contents(f.metadataDir);
    List<SigningKey> roleSigners = List.copyOf(f.repo.signers(name));
    f.repo.delegate("targets", name, false, List.of("*"));
    f.repo.addTarget(name, "evil", bytes("evil"));
    f.repo.publishTargets(name);
    f.repo.signers(name).clear(); // the simulator signs the real role with its own keys again
    f.repo.signers(name).addAll(roleSigners);
    f.repo.bumpTargets("targets");
    f.repo.updateSnapshot();

    assertThatThrownBy(() -> f.updater().findTarget("evil"))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("top-level role name");
    assertUnchangedExcept(
        before, contents(f.metadataDir), Set.of("timestamp.json", "snapshot.json"));

    Targets t = f.repo.targets("targets");
    f.repo.setTargets(
        "targets",
        new Targets(
            t.version(),
            t.expires(),
            t.specVersion(),
            Map.of(),
            Optional.empty(),
            JsonObject.EMPTY));
    f.repo.bumpTargets("targets");
    f.repo.updateSnapshot();
    f.refresh(); // the client is still usable once the repository drops the delegation
    assertThat(f.storedVersion("targets")).isEqualTo(3);
  }

  @Test
  void trustedSet_refusesTopLevelNamesAsDelegatedRoles() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    Updater u = f.updater();
    u.refresh();
    TrustedMetadataSet set = u.trustedMetadata().orElseThrow();
    byte[] root = f.stored("root").orElseThrow();
    for (String name : List.of("root", "timestamp", "snapshot", "targets")) {
      assertThatThrownBy(() -> set.updateTargets(root, name, "targets"))
          .isInstanceOf(MalformedMetadataException.class)
          .hasMessageContaining("top-level role name");
    }
  }

  // ---- denial of service through delegations -----------------------------------------------

  @Test
  void hashBinsWithBitLength32_listingStaysBounded() throws Exception {
    // 2^32 bins: naming them all would exhaust memory before the role limit is ever checked.
    ClientFixture f = new ClientFixture(dir);
    SigningKey k = newKey();
    SuccinctRoles bins = new SuccinctRoles(List.of(k.keyId()), 1, 32, "bin");
    Targets t = f.repo.targets("targets");
    f.repo.setTargets(
        "targets",
        new Targets(
            t.version(),
            t.expires(),
            t.specVersion(),
            t.targets(),
            Optional.of(new Delegations(Map.of(k.keyId(), k.key()), List.of(), Optional.of(bins))),
            t.unrecognized()));
    f.repo.bumpTargets("targets");
    f.repo.updateSnapshot();
    Updater u = f.updater();
    u.refresh();
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> u.listTargets(8))
                .isInstanceOf(RoleNotInSnapshotException.class)
                .hasMessageContaining("bin-00000000"));
  }

  @Test
  void hostileGlobInADelegation_doesNotHangTheSearch() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.delegate("targets", "slow", false, List.of("*a".repeat(25) + "*b"));
    f.repo.bumpTargets("targets");
    f.repo.updateSnapshot();
    Updater u = f.updater();
    String target = "a".repeat(300);
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> u.findTarget(target))
                .isInstanceOf(TargetNotFoundException.class));
  }

  @Test
  void wideFanOutOfMatchingDelegations_visitsAtMostMaxDelegationsRoles() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    for (int i = 0; i < 200; i++) {
      f.repo.delegate("targets", "r" + i, false, List.of("*"));
    }
    f.repo.bumpTargets("targets");
    f.repo.publishTargets(f.repo.targetsRoles().toArray(String[]::new));
    f.repo.updateSnapshot();
    f.refresh();
    f.repo.clearRequests();
    assertThatThrownBy(() -> f.updater().findTarget("x"))
        .isInstanceOf(TargetNotFoundException.class)
        .hasMessageContaining("stopped after 32 roles");
    assertThat(f.repo.metadataRequests().stream().filter(r -> r.matches("1\\.r\\d+\\.json")))
        .hasSize(31);
  }

  // ---- expiry of delegated roles (tuf-conformance test_delegated_expiration.py) -------------

  @Test
  void expiredDelegatedRole_isNeitherUsedNorStored() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.delegate("targets", "delegated", false, List.of("delegatedpath/*"));
    f.repo.setExpiry("delegated", ClientFixture.NOW.minus(Duration.ofDays(1)));
    f.repo.addTarget("delegated", "delegatedpath/target", bytes("delegated content"));
    f.repo.publishTargets("delegated");
    f.repo.bumpTargets("targets");
    f.repo.updateSnapshot();
    f.refresh();
    assertThatThrownBy(() -> f.updater().findTarget("delegatedpath/target"))
        .isInstanceOf(dev.bulwark.trust.core.error.ExpiredMetadataException.class);
    assertThat(f.stored("delegated")).isEmpty();
  }

  @Test
  void trustedDelegatedRoleThatExpiredLocally_isNotUsedWhenTheRepositoryHasNothingNewer()
      throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.delegate("targets", "delegated", false, List.of("delegatedpath/*"));
    f.repo.setExpiry("delegated", ClientFixture.NOW.plus(Duration.ofDays(7)));
    f.repo.addTarget("delegated", "delegatedpath/first", bytes("first"));
    f.repo.addTarget("delegated", "delegatedpath/second", bytes("second"));
    f.repo.publishTargets("delegated");
    f.repo.bumpTargets("targets");
    f.repo.updateSnapshot();
    f.updater().findTarget("delegatedpath/first");
    byte[] stored = f.stored("delegated").orElseThrow();

    f.clock = Clock.fixed(ClientFixture.NOW.plus(Duration.ofDays(18)), ZoneOffset.UTC);
    assertThatThrownBy(() -> f.updater().findTarget("delegatedpath/second"))
        .isInstanceOf(dev.bulwark.trust.core.error.ExpiredMetadataException.class);
    assertThat(f.stored("delegated")).hasValueSatisfying(b -> assertThat(b).isEqualTo(stored));

    f.repo.setExpiry("delegated", ClientFixture.NOW.plus(Duration.ofDays(21)));
    f.repo.bumpTargets("delegated");
    f.repo.updateSnapshot();
    assertThat(f.updater().findTarget("delegatedpath/second").role()).isEqualTo("delegated");
    assertThat(f.storedVersion("delegated")).isEqualTo(2);
  }

  // ---- root rotation, fast-forward recovery ------------------------------------------------

  @Test
  void expiredIntermediateRoot_isAcceptedOnTheWayToAValidOne() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.setExpiry("root", ClientFixture.NOW.minus(Duration.ofDays(30)));
    f.repo.bumpRoot(); // v2, expired
    f.repo.setExpiry("root", f.repo.safeExpiry());
    f.repo.bumpRoot(); // v3, valid
    f.refresh();
    assertThat(f.storedVersion("root")).isEqualTo(3);
    assertThat(f.storedVersion("targets")).isEqualTo(1);
  }

  @Test
  void rootRotationToEntirelyNewKeys_signedByOldAndNew_isAccepted() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    List<SigningKey> old = List.copyOf(f.repo.signers("root"));
    SigningKey a = newKey();
    SigningKey b = newKey();
    f.repo.rotateKeys(RoleType.ROOT, List.of(a, b), 2);
    f.repo.signers("root").addAll(old); // the old key signs the transition too
    f.repo.bumpRoot();
    f.repo.signers("root").removeAll(old);
    f.repo.bumpRoot(); // v3, only the new keys
    f.refresh();
    assertThat(f.storedVersion("root")).isEqualTo(3);
  }

  @Test
  void snapshotFastForward_isRecoveredBySnapshotKeyRotation() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.resetVersions(f.repo.timestampVersion(), 99);
    f.repo.updateSnapshot(); // an attacker with the snapshot key published v100
    f.refresh();
    assertThat(f.storedVersion("snapshot")).isEqualTo(100);

    f.repo.rotateKeys(RoleType.SNAPSHOT, List.of(newKey()), 1);
    f.repo.bumpRoot();
    f.repo.resetVersions(f.repo.timestampVersion(), 0);
    f.repo.updateSnapshot(); // back to v1 under the new key
    f.refresh();
    assertThat(f.storedVersion("snapshot")).isEqualTo(1);
  }

  @Test
  void targetsFastForward_isRecoveredBySnapshotKeyRotation() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.setTargets("targets", withVersion(f.repo.targets("targets"), 100));
    f.repo.publishTargets("targets");
    f.repo.updateSnapshot();
    f.refresh();
    assertThat(f.storedVersion("targets")).isEqualTo(100);

    f.repo.setTargets("targets", withVersion(f.repo.targets("targets"), 1));
    f.repo.publishTargets("targets");
    f.repo.rotateKeys(RoleType.SNAPSHOT, List.of(newKey()), 1);
    f.repo.bumpRoot();
    f.repo.resetVersions(f.repo.timestampVersion(), 0);
    f.repo.updateSnapshot();
    f.refresh();
    assertThat(f.storedVersion("targets")).isEqualTo(1);
  }

  private static Targets withVersion(Targets t, long version) {
    return new Targets(
        version, t.expires(), t.specVersion(), t.targets(), t.delegations(), t.unrecognized());
  }

  // ---- every refused update leaves the stored bytes as they were -----------------------------

  record Attack(String name, Set<String> mayChange, Consumer<RepositorySimulator> apply) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Timestamp timestamp(RepositorySimulator r, long version, long snapshotVersion) {
    return new Timestamp(
        version,
        r.safeExpiry(),
        Optional.of(Dialect.TUF_SPEC_VERSION),
        MetaFile.ofVersion(snapshotVersion),
        JsonObject.EMPTY);
  }

  private static Snapshot snapshot(RepositorySimulator r, long version, long targetsVersion) {
    return new Snapshot(
        version,
        r.safeExpiry(),
        Optional.of(Dialect.TUF_SPEC_VERSION),
        Map.of("targets", MetaFile.ofVersion(targetsVersion)),
        JsonObject.EMPTY);
  }

  private static byte[] appendSpace(byte[] b) {
    byte[] out = Arrays.copyOf(b, b.length + 1);
    out[b.length] = ' ';
    return out;
  }

  static Stream<Arguments> attacks() {
    Set<String> none = Set.of();
    Set<String> ts = Set.of("timestamp.json");
    Set<String> tsSnap = Set.of("timestamp.json", "snapshot.json");
    return Stream.of(
            new Attack(
                "timestamp signed by the snapshot key",
                none,
                r ->
                    r.put(
                        "metadata/timestamp.json",
                        RepositorySimulator.sign(
                            timestamp(r, r.timestampVersion() + 1, r.snapshotVersion()),
                            r.signers("snapshot")))),
            new Attack(
                "timestamp version rolled back",
                none,
                r -> r.publishTimestamp(timestamp(r, 1, r.snapshotVersion()))),
            new Attack(
                "timestamp naming an older snapshot",
                none,
                r -> r.publishTimestamp(timestamp(r, r.timestampVersion() + 1, 1))),
            new Attack(
                "expired timestamp",
                none,
                r -> {
                  r.setExpiry("timestamp", ClientFixture.NOW.minusSeconds(1));
                  r.updateTimestamp();
                }),
            new Attack(
                "timestamp that is not JSON",
                none,
                r -> r.put("metadata/timestamp.json", bytes("{"))),
            new Attack(
                "root that drops the old keys, signed only by the new key",
                none,
                r -> {
                  r.rotateKeys(RoleType.ROOT, List.of(newKey()), 1);
                  r.bumpRoot();
                }),
            new Attack(
                "root with new keys signed only by the old key",
                none,
                r -> {
                  List<SigningKey> old = List.copyOf(r.signers("root"));
                  r.rotateKeys(RoleType.ROOT, List.of(newKey()), 1);
                  Root v2 = r.root();
                  Root next =
                      new Root(
                          v2.version() + 1,
                          v2.expires(),
                          v2.specVersion(),
                          v2.consistentSnapshot(),
                          v2.keys(),
                          v2.roles(),
                          v2.unrecognized());
                  r.put(
                      "metadata/" + next.version() + ".root.json",
                      RepositorySimulator.sign(next, old));
                }),
            new Attack(
                "snapshot longer than the timestamp says",
                ts,
                r -> {
                  r.setHashesInMeta(true);
                  r.updateSnapshot();
                  r.tamper(
                      "metadata/" + r.snapshotVersion() + ".snapshot.json",
                      HostileRepositoryTest::appendSpace);
                }),
            new Attack(
                "snapshot rolling back the targets version",
                ts,
                r -> r.publishSnapshot(snapshot(r, r.snapshotVersion() + 1, 1))),
            new Attack(
                "snapshot signed by the timestamp key",
                ts,
                r -> {
                  long v = r.snapshotVersion() + 1;
                  r.put(
                      "metadata/" + v + ".snapshot.json",
                      RepositorySimulator.sign(snapshot(r, v, 2), r.signers("timestamp")));
                  r.publishTimestamp(timestamp(r, r.timestampVersion() + 1, v));
                }),
            new Attack(
                "targets of another version than the snapshot names",
                tsSnap,
                r -> {
                  byte[] old = r.peek("metadata/2.targets.json").orElseThrow();
                  r.bumpTargets("targets");
                  r.updateSnapshot();
                  r.put("metadata/3.targets.json", old);
                }),
            new Attack(
                "targets signed by the snapshot key",
                tsSnap,
                r -> {
                  Targets t = withVersion(r.targets("targets"), 3);
                  r.put(
                      "metadata/3.targets.json",
                      RepositorySimulator.sign(t, r.signers("snapshot")));
                  r.publishSnapshot(snapshot(r, r.snapshotVersion() + 1, 3));
                }))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void refusedUpdate_leavesTheStoredBytesUnchanged(Attack attack) throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.bumpTargets("targets"); // targets v2, snapshot v2, timestamp v3: room to roll back
    f.repo.updateSnapshot();
    f.refresh();
    Map<String, String> before = contents(f.metadataDir);
    assertThat(before).containsKeys("root.json", "timestamp.json", "snapshot.json", "targets.json");

    attack.apply().accept(f.repo);
    assertThatThrownBy(f::refresh).isInstanceOfAny(TrustException.class, DownloadException.class);
    assertUnchangedExcept(before, contents(f.metadataDir), attack.mayChange());
    assertThat(contents(f.metadataDir).keySet()).isEqualTo(before.keySet());
  }
}
