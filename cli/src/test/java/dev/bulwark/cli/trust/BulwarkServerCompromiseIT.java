package dev.bulwark.cli.trust;

import static dev.bulwark.cli.trust.BulwarkServerThresholdIT.RELEASES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.cli.trust.BulwarkServer.Db;
import dev.bulwark.cli.trust.TrustCli.Run;
import dev.bulwark.testkit.notary.NotaryCli;
import dev.bulwark.trust.client.keystore.UnlockedKey;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.repo.ServerRefusedException;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Key compromise and rotation on Bulwark's own server (H2 and PostgreSQL), driven through {@code
 * bulwark trust}: a stolen delegation key is revoked and replaced, what it alone signed stops
 * verifying, forged and replayed uploads with it are refused by the server; the targets, snapshot
 * ({@code -r}), timestamp and root keys rotate, and clients holding an old root follow the chain.
 */
class BulwarkServerCompromiseIT {
  private static final Pattern ADDED_KEY = Pattern.compile("\\+keys \\[([0-9a-f]{64})\\]");

  @TempDir static Path tmp;
  static BulwarkServers servers;

  @BeforeAll
  static void setUp() {
    TrustCli.requirePassphraseEnvironment();
    servers = new BulwarkServers(tmp);
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  /** A collection with targets/releases delegated to Mallory's key alone and her "evil" in it. */
  private record Compromised(
      String gun, Path dir, TrustCli owner, TrustCli mallory, String malloryKeyId) {}

  private static Compromised compromised(BulwarkServer server, Db db, String name)
      throws Exception {
    String gun = "localhost:5000/compromise/" + name + "-" + db.name().toLowerCase(Locale.ROOT);
    Path dir = tmp.resolve(db + "-" + name);
    TrustCli owner = server.bulwark(dir.resolve("owner"));
    owner.runOk("init", "--server-snapshot", gun);
    TrustCli mallory = server.bulwark(dir.resolve("mallory"));
    Path pub = BulwarkServerThresholdIT.delegationKey(mallory, dir.resolve("mallory"));
    String keyId =
        keyId(owner.runOk("delegation", "add", gun, RELEASES, pub.toString(), "--all-paths"));
    owner.runOk("publish", gun);
    mallory.runOk("add", gun, "evil", "--sha256", "ee".repeat(32), "--size", "10", "-r", RELEASES);
    mallory.runOk("publish", gun);
    assertThat(server.bulwark(dir.resolve("before")).runOk("lookup", gun, "evil").out())
        .contains("evil sha256:" + "ee".repeat(32));
    return new Compromised(gun, dir, owner, mallory, keyId);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void revokedDelegationKey_targetsOnlyItSigned_noLongerVerify(Db db) throws Exception {
    BulwarkServer server = servers.get(db);
    Compromised c = compromised(server, db, "revoke");
    TrustCli bob = server.bulwark(c.dir().resolve("bob"));
    Path bobPub = BulwarkServerThresholdIT.delegationKey(bob, c.dir().resolve("bob"));

    // Rotate the delegation to Bob's key and revoke Mallory's in one publish; targets/releases
    // itself is not re-signed, so what is on the server is signed by the revoked key only.
    c.owner().runOk("delegation", "add", c.gun(), RELEASES, bobPub.toString());
    c.owner().runOk("delegation", "remove", c.gun(), RELEASES, c.malloryKeyId());
    c.owner().runOk("publish", c.gun());
    String targets = server.remoteMetadata(c.gun(), List.of("targets")).get("targets");
    assertThat(targets).doesNotContain(c.malloryKeyId()).contains(RELEASES);

    BulwarkServerThresholdIT.assertNotFound(server, c.dir(), c.gun(), "evil");
    Run list = server.bulwark(c.dir().resolve("after")).run("list", c.gun());
    assertThat(list.out()).doesNotContain("evil");
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void revokeAndRotateInOneSignedUpdate_stolenKeyForgeriesAndReplaysAreRefused(Db db)
      throws Exception {
    BulwarkServer server = servers.get(db);
    Compromised c = compromised(server, db, "rotate");
    String gun = c.gun();
    byte[] malloryReleases = cachedReleases(c.dir().resolve("before"), gun);
    // The owner makes the replacement key, swaps the keys and drops the bad target in one
    // atomic update (targets and a re-signed targets/releases), then hands the key to Bob.
    Path newPub = BulwarkServerThresholdIT.delegationKey(c.owner(), c.dir().resolve("new"));
    String newId = keyId(c.owner().runOk("delegation", "add", gun, RELEASES, newPub.toString()));
    c.owner().runOk("delegation", "remove", gun, RELEASES, c.malloryKeyId());
    c.owner().runOk("remove", gun, "evil", "-r", RELEASES);
    assertThat(c.owner().runOk("publish", gun).out()).contains("targets").contains(RELEASES);
    BulwarkServerThresholdIT.assertNotFound(server, c.dir(), gun, "evil");
    Path exported = c.dir().resolve("handover.key");
    c.owner().runOk("key", "export", newId, "-o", exported.toString());
    TrustCli bob = server.bulwark(c.dir().resolve("bob"));
    bob.runOk("key", "import", exported.toString());

    bob.runOk("add", gun, "good", "--sha256", "aa".repeat(32), "--size", "10", "-r", RELEASES);
    bob.runOk("publish", gun);
    BulwarkServerSigningIT.assertSameAsRealNotary(
        server.bulwark(c.dir().resolve("reader")),
        server.notary(c.dir().resolve("real-reader")),
        gun,
        "good");

    // Mallory still has her key: Bulwark will not sign with it ...
    c.mallory()
        .runOk("add", gun, "evil2", "--sha256", "ef".repeat(32), "--size", "1", "-r", RELEASES);
    Run refused = c.mallory().run("publish", gun);
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains(RELEASES);
    // ... and the server refuses a forged next version and a replay of her old one.
    var ctx = server.context(c.dir().resolve("mallory"));
    UnlockedKey stolen = ctx.keyStore().unlock(c.malloryKeyId());
    Key stolenPub = Key.of(Dialect.NOTARY, stolen.publicKey());
    Targets current =
        ctx.reader().read(new Gun(gun)).targets().stream()
            .filter(t -> t.role().equals(RELEASES))
            .findFirst()
            .orElseThrow()
            .metadata()
            .signed();
    Targets next =
        new Targets(
            current.version() + 1,
            current.expires(),
            current.specVersion(),
            current.targets(),
            current.delegations(),
            current.unrecognized());
    byte[] forged =
        Metadata.sign(
                Dialect.NOTARY,
                next,
                List.of(SigningKey.of(Dialect.NOTARY, stolen.privateKey(), stolenPub)))
            .rawBytes();
    for (byte[] upload : List.of(forged, malloryReleases)) {
      assertThatThrownBy(() -> ctx.writer().update(new Gun(gun), Map.of(RELEASES, upload)))
          .isInstanceOfSatisfying(
              ServerRefusedException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
    BulwarkServerThresholdIT.assertNotFound(server, c.dir(), gun, "evil");
    assertThat(server.bulwark(c.dir().resolve("reader")).runOk("list", gun).out()).contains("good");
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void targetsSnapshotTimestampAndRootRotations_oldCachedRootsFollowTheChain(Db db)
      throws Exception {
    BulwarkServer server = servers.get(db);
    String gun = "localhost:5000/rotation/app-" + db.name().toLowerCase(Locale.ROOT);
    Path dir = tmp.resolve(db + "-rotation");
    TrustCli owner = server.bulwark(dir.resolve("owner"));
    owner.runOk("init", gun);
    owner.runOk("add", gun, "before", "--sha256", "bb".repeat(32), "--size", "10");
    owner.runOk("publish", gun);
    TrustCli oldBulwark = server.bulwark(dir.resolve("old"));
    NotaryCli oldReal = server.notary(dir.resolve("real-old"));
    BulwarkServerSigningIT.assertSameAsRealNotary(oldBulwark, oldReal, gun, "before");
    long cachedBefore = cachedRootVersion(dir.resolve("old"), gun);

    List<List<String>> rotations =
        List.of(
            List.of("targets"),
            List.of("snapshot", "-r"),
            List.of("timestamp", "-r"),
            List.of("root"),
            List.of("root"));
    for (List<String> r : rotations) {
      List<String> args = new ArrayList<>(List.of("key", "rotate", gun));
      args.addAll(r);
      assertThat(owner.runOk(args.toArray(String[]::new)).out()).contains("new key ID");
    }
    owner.runOk("add", gun, "after", "--sha256", "cc".repeat(32), "--size", "10");
    owner.runOk("publish", gun);

    // Both old caches (root v1) follow the chain of rotated roots to the current one.
    BulwarkServerSigningIT.assertSameAsRealNotary(oldBulwark, oldReal, gun, "after", "before");
    long serverRoot =
        Metadata.parseRoot(
                Dialect.NOTARY,
                server
                    .remoteMetadata(gun, List.of("root"))
                    .get("root")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .signed()
            .version();
    assertThat(serverRoot).isEqualTo(cachedBefore + rotations.size());
    assertThat(cachedRootVersion(dir.resolve("old"), gun)).isEqualTo(serverRoot);
    BulwarkServerSigningIT.assertSameAsRealNotary(
        server.bulwark(dir.resolve("fresh")),
        server.notary(dir.resolve("real-fresh")),
        gun,
        "after",
        "before");
  }

  private static String keyId(Run delegationAdd) {
    Matcher m = ADDED_KEY.matcher(delegationAdd.out());
    assertThat(m.find()).as(delegationAdd.out()).isTrue();
    return m.group(1);
  }

  private static byte[] cachedReleases(Path trustDir, String gun) throws Exception {
    return Files.readAllBytes(trustDir.resolve("tuf/" + gun + "/metadata/" + RELEASES + ".json"));
  }

  private static long cachedRootVersion(Path trustDir, String gun) throws Exception {
    byte[] raw = Files.readAllBytes(trustDir.resolve("tuf/" + gun + "/metadata/root.json"));
    return Metadata.parseRoot(Dialect.NOTARY, raw).signed().version();
  }
}
