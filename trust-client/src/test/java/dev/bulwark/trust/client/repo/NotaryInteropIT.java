package dev.bulwark.trust.client.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.testkit.notary.NotaryCli;
import dev.bulwark.testkit.notary.NotaryServerProcess;
import dev.bulwark.testkit.notary.Storage;
import dev.bulwark.testkit.notary.TrustPinning;
import dev.bulwark.trust.client.keystore.EnvPassphrases;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NotaryTls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulwark's signing side against the real Debian notary-server, checked by the real notary client.
 */
class NotaryInteropIT {
  private static final String PASS = NotaryCli.DEFAULT_PASSPHRASE;
  @TempDir static Path tmp;
  static NotaryServerProcess server;

  @BeforeAll
  static void start() {
    server = NotaryServerProcess.start(tmp.resolve("server"), Storage.memory());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static RepoContext bulwark(Path trustDir) {
    return bulwark(trustDir, Clock.systemUTC());
  }

  static RepoContext bulwark(Path trustDir, Clock clock) {
    Map<String, String> env =
        Map.of(
            "NOTARY_ROOT_PASSPHRASE", PASS,
            "NOTARY_TARGETS_PASSPHRASE", PASS,
            "NOTARY_SNAPSHOT_PASSPHRASE", PASS,
            "NOTARY_DELEGATION_PASSPHRASE", PASS);
    return new RepoContext(
        trustDir,
        server.url(),
        NotaryTls.withCa(server.caCert()),
        dev.bulwark.trust.client.notary.TrustPinning.tofu(),
        new EnvPassphrases(
            env,
            r -> {
              throw new dev.bulwark.trust.client.keystore.KeystoreException("no prompt in tests");
            }),
        clock);
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void collectionPublishedByBulwark_isListedAndVerifiedByRealNotary_withCertPinning()
      throws Exception {
    Gun gun = new Gun("localhost:5000/bulwark/app");
    RepoContext ctx = bulwark(tmp.resolve("bw-alice"));
    String rootCertId = ctx.initializer(gun, ExpiryPolicy.defaults()).init(Optional.empty(), false);
    byte[] payload = "hello bulwark\n".getBytes(StandardCharsets.UTF_8);
    ctx.changelist(gun)
        .add(
            Staging.addTarget(
                "targets",
                "v1",
                payload.length,
                Map.of("sha256", sha256(payload)),
                Optional.empty()));
    var outcome =
        ctx.publisher(gun, ExpiryPolicy.defaults()).publish(Set.of(), tmp.resolve("unused.bundle"));
    assertThat(outcome).isInstanceOf(Publisher.Outcome.Published.class);
    assertThat(ctx.changelist(gun).list()).isEmpty();

    NotaryCli notary =
        server
            .client(tmp.resolve("real-bob"))
            .withTrustPinning(TrustPinning.certs(gun.name(), List.of(rootCertId)));
    String list = notary.runOk("list", gun.name()).stdout();
    assertThat(list).contains("v1").contains(sha256(payload)).contains("targets");
    Path file = tmp.resolve("payload");
    Files.write(file, payload);
    notary.runOk("verify", gun.name(), "v1", "-i", file.toString(), "-q");
    // The real client can publish further on Bulwark's collection only with its keys; reading is
    // enough here.
    NotaryCli wrongPin =
        server
            .client(tmp.resolve("real-carol"))
            .withTrustPinning(TrustPinning.certs(gun.name(), List.of("ab".repeat(32))));
    assertThat(wrongPin.run("list", gun.name()).exitCode()).isNotZero();
  }

  @Test
  void collectionPublishedByRealNotary_isExtendedByBulwark_inTheSameTrustDir() throws Exception {
    Gun gun = new Gun("localhost:5000/real/app");
    Path dir = tmp.resolve("shared-trust");
    NotaryCli notary = server.client(dir);
    notary.runOk("init", "-p", gun.name());
    notary.runOk("addhash", gun.name(), "from-notary", "3", "--sha256", "ab".repeat(32), "-p");

    RepoContext ctx = bulwark(dir);
    ctx.changelist(gun)
        .add(
            Staging.addTarget(
                "targets", "from-bulwark", 5, Map.of("sha256", "cd".repeat(32)), Optional.empty()));
    ctx.publisher(gun, ExpiryPolicy.defaults()).publish(Set.of(), tmp.resolve("unused2.bundle"));

    String list = server.client(tmp.resolve("real-dave")).runOk("list", gun.name()).stdout();
    assertThat(list).contains("from-notary").contains("from-bulwark");
    // And the real client keeps working on top of Bulwark's publish.
    notary.runOk("addhash", gun.name(), "again", "3", "--sha256", "ef".repeat(32), "-p");
    assertThat(server.client(tmp.resolve("real-erin")).runOk("list", gun.name()).stdout())
        .contains("again")
        .contains("from-bulwark");
  }

  @Test
  void initAgainstExistingCollection_isRefused_andCreatesNoKeys() throws Exception {
    Gun gun = new Gun("localhost:5000/bulwark/twice");
    RepoContext a = bulwark(tmp.resolve("twice-a"));
    a.initializer(gun, ExpiryPolicy.defaults()).init(Optional.empty(), true);
    RepoContext b = bulwark(tmp.resolve("twice-b"));
    assertThatThrownBy(
            () -> b.initializer(gun, ExpiryPolicy.defaults()).init(Optional.empty(), false))
        .hasMessageContaining("already has trust data");
    assertThat(b.keyStore().list()).isEmpty();
  }

  @Test
  void badInput_wrongPassphrase_missingKey_corruptKey_serverDown_changeNothing() throws Exception {
    Gun gun = new Gun("localhost:5000/bulwark/bad-input");
    Path dir = tmp.resolve("bad-owner");
    RepoContext owner = bulwark(dir);
    owner.initializer(gun, ExpiryPolicy.defaults()).init(Optional.empty(), false);
    owner
        .changelist(gun)
        .add(
            Staging.addTarget(
                "targets", "v1", 1, Map.of("sha256", "ab".repeat(32)), Optional.empty()));
    long before = owner.reader().read(gun).targets().getFirst().metadata().signed().version();

    // Wrong passphrase (from the environment: fails at once, no retry loop).
    RepoContext wrong =
        new RepoContext(
            dir,
            server.url(),
            NotaryTls.withCa(server.caCert()),
            dev.bulwark.trust.client.notary.TrustPinning.tofu(),
            new EnvPassphrases(
                Map.of(
                    "BULWARK_TARGETS_PASSPHRASE",
                    "wrong-passphrase",
                    "BULWARK_SNAPSHOT_PASSPHRASE",
                    "wrong-passphrase"),
                r -> null),
            Clock.systemUTC());
    assertThatThrownBy(
            () ->
                wrong.publisher(gun, ExpiryPolicy.defaults()).publish(Set.of(), tmp.resolve("b1")))
        .hasMessageContaining("wrong passphrase");
    // Missing key: another trust dir without the targets key.
    assertThatThrownBy(
            () -> {
              RepoContext other = bulwark(tmp.resolve("bad-other"));
              other.changelist(gun).add(Staging.removeTarget("targets", "x"));
              other.publisher(gun, ExpiryPolicy.defaults()).publish(Set.of(), tmp.resolve("b2"));
            })
        .hasMessageContaining("no private key for targets");
    // Corrupted key file.
    String targetsKeyId = owner.keyStore().forRole("targets", gun.name()).getFirst().keyId();
    Path keyFile = dir.resolve("private").resolve(targetsKeyId + ".key");
    byte[] good = Files.readAllBytes(keyFile);
    Files.writeString(
        keyFile,
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nrole: targets\n\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
    assertThatThrownBy(
            () ->
                bulwark(dir)
                    .publisher(gun, ExpiryPolicy.defaults())
                    .publish(Set.of(), tmp.resolve("b3")))
        .hasMessageContaining(keyFile.toString());
    Files.write(keyFile, good);
    // Server down.
    RepoContext down =
        new RepoContext(
            dir,
            java.net.URI.create("https://127.0.0.1:1"),
            NotaryTls.withCa(server.caCert()),
            dev.bulwark.trust.client.notary.TrustPinning.tofu(),
            new EnvPassphrases(
                Map.of("NOTARY_TARGETS_PASSPHRASE", PASS, "NOTARY_SNAPSHOT_PASSPHRASE", PASS),
                r -> null),
            Clock.systemUTC());
    assertThatThrownBy(
            () -> down.publisher(gun, ExpiryPolicy.defaults()).publish(Set.of(), tmp.resolve("b4")))
        .isInstanceOf(RepoException.class);
    RepoContext downInit = bulwark(tmp.resolve("bad-down"));
    RepoContext downInitCtx =
        new RepoContext(
            tmp.resolve("bad-down"),
            java.net.URI.create("https://127.0.0.1:1"),
            NotaryTls.withCa(server.caCert()),
            dev.bulwark.trust.client.notary.TrustPinning.tofu(),
            new EnvPassphrases(Map.of("NOTARY_ROOT_PASSPHRASE", PASS), r -> null),
            Clock.systemUTC());
    assertThatThrownBy(
            () ->
                downInitCtx
                    .initializer(new Gun("localhost:5000/never"), ExpiryPolicy.defaults())
                    .init(Optional.empty(), false))
        .hasMessageContaining("127.0.0.1:1");
    assertThat(downInit.keyStore().list()).isEmpty();

    // Nothing changed: the staged change is still there, the remote targets version is the same.
    assertThat(owner.changelist(gun).list()).hasSize(1);
    assertThat(
            bulwark(tmp.resolve("bad-reader"))
                .reader()
                .read(gun)
                .targets()
                .getFirst()
                .metadata()
                .signed()
                .version())
        .isEqualTo(before);
    // And with the right passphrase it publishes.
    owner.publisher(gun, ExpiryPolicy.defaults()).publish(Set.of(), tmp.resolve("b5"));
    assertThat(owner.changelist(gun).list()).isEmpty();
  }
}
