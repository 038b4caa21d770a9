package dev.bulwark.cli.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.cli.trust.BulwarkServer.Db;
import dev.bulwark.cli.trust.TrustCli.Run;
import dev.bulwark.testkit.notary.NotaryCli;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.repo.ServerRefusedException;
import dev.bulwark.trust.client.repo.SigningBundle;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A 2-of-3 delegation on Bulwark's own server (H2 and PostgreSQL), every signer with their own
 * trust dir, through the {@code bulwark trust} sign flow: stage and export a bundle, a second
 * signer adds a signature offline, anyone publishes. One signature is refused by Bulwark's client
 * and by Bulwark's server; two are accepted and the real notary client agrees.
 */
class BulwarkServerThresholdIT {
  static final String RELEASES = "targets/releases";
  private static final AtomicInteger READERS = new AtomicInteger();

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

  @ParameterizedTest
  @EnumSource(Db.class)
  void twoOfThree_oneSignatureRefusedByClientAndServer_twoAccepted(Db db) throws Exception {
    BulwarkServer server = servers.get(db);
    String gun = "localhost:5000/threshold/app-" + db.name().toLowerCase(Locale.ROOT);
    Path dir = tmp.resolve(db.name());
    TrustCli owner = server.bulwark(dir.resolve("owner"));
    owner.runOk("init", "--server-snapshot", gun);
    TrustCli alice = server.bulwark(dir.resolve("alice"));
    TrustCli bob = server.bulwark(dir.resolve("bob"));
    TrustCli carol = server.bulwark(dir.resolve("carol"));
    Path[] pubs = {
      delegationKey(alice, dir.resolve("alice")),
      delegationKey(bob, dir.resolve("bob")),
      delegationKey(carol, dir.resolve("carol"))
    };
    owner.runOk(
        "delegation",
        "add",
        gun,
        RELEASES,
        pubs[0].toString(),
        pubs[1].toString(),
        pubs[2].toString(),
        "--all-paths",
        "--threshold",
        "2");
    owner.runOk("publish", gun);
    assertThat(owner.runOk("delegation", "list", gun).out()).contains(RELEASES).contains("2/3");

    // Alice stages a release: she can make 1 of the 2 signatures, so a bundle is written.
    Path payload = BulwarkServerSigningIT.file(dir, "v1.txt", "release one\n");
    alice.runOk("add", gun, "v1", payload.toString(), "-r", RELEASES);
    Path bundle = dir.resolve("v1.bundle");
    Run staged = alice.run("publish", "-o", bundle.toString(), gun);
    assertThat(staged.exit()).isEqualTo(1);
    assertThat(staged.err())
        .contains("more signatures needed")
        .contains(RELEASES + " (1 of 2 signatures)");
    assertThat(alice.runOk("status", gun).out()).doesNotContain("v1");

    // One signature: Bulwark refuses to publish it ...
    Run early = carol.run("publish", "--bundle", bundle.toString(), gun);
    assertThat(early.exit()).isEqualTo(1);
    assertThat(early.err()).contains("refusing to publish " + RELEASES);
    // ... and Bulwark's server refuses it when it is forced past the client's check.
    SigningBundle one = SigningBundle.read(bundle);
    byte[] oneSig = one.roles().getFirst().metadata().rawBytes();
    assertThatThrownBy(
            () ->
                server
                    .context(dir.resolve("carol"))
                    .writer()
                    .update(new Gun(gun), Map.of(RELEASES, oneSig)))
        .isInstanceOfSatisfying(
            ServerRefusedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("INVALID_UPDATE");
            })
        .hasMessageContaining(RELEASES);
    assertNotFound(server, dir, gun, "v1");

    // Bob adds his signature offline: no server is reachable from his side.
    Run signed = bob.withServer(URI.create("https://127.0.0.1:1")).run("sign", bundle.toString());
    assertThat(signed.exit()).as(signed.err()).isZero();
    assertThat(signed.out()).contains(RELEASES + ": 2 of 2 signatures").contains("Threshold met");
    Run again = bob.run("sign", bundle.toString());
    assertThat(again.out()).contains(RELEASES + ": 2 of 2 signatures");

    // Two signatures: anyone publishes, both clients see the release.
    carol.runOk("publish", "--bundle", bundle.toString(), gun);
    NotaryCli real = server.notary(dir.resolve("real-reader"));
    BulwarkServerSigningIT.assertSameAsRealNotary(
        server.bulwark(dir.resolve("reader")), real, gun, "v1");
    real.runOk("verify", gun, "v1", "-i", payload.toString(), "-q");
    assertThat(
            server
                .bulwark(dir.resolve("reader"))
                .run("verify", gun, "v1", "-i", payload.toString(), "-q")
                .exit())
        .isZero();

    // Republishing the same bundle is a replay of the same version: the server refuses it.
    Run replay = carol.run("publish", "--bundle", bundle.toString(), gun);
    assertThat(replay.exit()).isEqualTo(1);
    assertThat(replay.err()).contains("VERSION");

    // The owner drops the whole delegation: its release disappears for both clients.
    owner.runOk("delegation", "remove", gun, RELEASES);
    owner.runOk("publish", gun);
    assertNotFound(server, dir, gun, "v1");
    BulwarkServerSigningIT.assertSameAsRealNotary(server.bulwark(dir.resolve("reader")), real, gun);
  }

  /** {@code bulwark trust key generate --role targets/releases -o PREFIX}: the .pub file. */
  static Path delegationKey(TrustCli signer, Path prefix) {
    signer.runOk("key", "generate", "--role", RELEASES, "-o", prefix.toString());
    return Path.of(prefix + ".pub");
  }

  /** Neither bulwark nor the real client finds {@code tag} (fresh trust dirs). */
  static void assertNotFound(BulwarkServer server, Path dir, String gun, String tag) {
    Run lookup =
        server
            .bulwark(dir.resolve("nf-" + tag + READERS.incrementAndGet()))
            .run("lookup", gun, tag);
    assertThat(lookup.exit()).as(lookup.out()).isEqualTo(1);
    assertThat(lookup.out()).isEmpty();
    NotaryCli.Result real =
        server
            .notary(dir.resolve("nf-real-" + tag + READERS.incrementAndGet()))
            .run("lookup", gun, tag);
    assertThat(real.exitCode()).as(real.stdout()).isNotZero();
    assertThat(lookup.err()).isNotBlank();
  }
}
