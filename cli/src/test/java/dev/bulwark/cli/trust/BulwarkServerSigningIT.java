package dev.bulwark.cli.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.trust.BulwarkServer.Db;
import dev.bulwark.cli.trust.TrustCli.Run;
import dev.bulwark.testkit.notary.NotaryCli;
import dev.bulwark.testkit.notary.TrustPinning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The signing lifecycle of {@code bulwark trust} against Bulwark's own server (H2 and PostgreSQL),
 * cross-checked both ways with the real Debian {@code notary} client: what Bulwark publishes the
 * real client lists, looks up and verifies under cert pinning; what the real client creates Bulwark
 * lists exactly as it does and publishes further on.
 */
class BulwarkServerSigningIT {
  private static final Pattern CERT_ID =
      Pattern.compile("Root certificate ID \\(pin this\\): (\\S+)");

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
  void bulwarkPublishes_realNotaryListsLooksUpAndVerifies_underCertPinning(Db db) throws Exception {
    BulwarkServer server = servers.get(db);
    String gun = "localhost:5000/bulwark/app-" + db.name().toLowerCase(Locale.ROOT);
    Path dir = tmp.resolve(db + "-publish");
    TrustCli alice = server.bulwark(dir.resolve("alice"));
    Path one = file(dir, "one.txt", "first release\n");

    String certId = rootCertId(alice.runOk("init", "--server-snapshot", gun));
    // Server-managed snapshot and timestamp: the trust dir holds only the root and targets keys.
    assertThat(alice.runOk("key", "list").out())
        .contains("root")
        .contains("targets")
        .doesNotContain("snapshot")
        .doesNotContain("timestamp");
    alice.runOk("add", gun, "v1", one.toString());
    alice.runOk(
        "add",
        gun,
        "v2",
        "--sha256",
        "1f0e2e2b781438ad11ab1fc5797b3ceacaee300790331d100303cf61ce2d75d5",
        "--size",
        "529");
    assertThat(alice.runOk("status", gun).out()).contains("v1").contains("v2");
    alice.runOk("publish", gun);
    assertThat(alice.runOk("status", gun).out()).doesNotContain("v1").doesNotContain("v2");

    NotaryCli realBob =
        server
            .notary(dir.resolve("real-bob"))
            .withTrustPinning(TrustPinning.certs(gun, List.of(certId)));
    assertSameAsRealNotary(server.bulwark(dir.resolve("bob")), realBob, gun, "v1", "v2");
    realBob.runOk("verify", gun, "v1", "-i", one.toString(), "-q");
    assertThat(
            server
                .bulwark(dir.resolve("bob"))
                .run("verify", gun, "v1", "-i", one.toString(), "-q")
                .exit())
        .isZero();
    Path other = file(dir, "other.txt", "not the release\n");
    Run mismatch =
        server.bulwark(dir.resolve("bob")).run("verify", gun, "v1", "-i", other.toString(), "-q");
    assertThat(mismatch.exit()).isEqualTo(1);
    assertThat(realBob.run("verify", gun, "v1", "-i", other.toString(), "-q").exitCode())
        .isNotZero();

    // A later publish (a new target, one removed) is seen by the pinned real client.
    alice.runOk("add", gun, "v3", file(dir, "three.txt", "third\n").toString());
    alice.runOk("remove", gun, "v2");
    alice.runOk("publish", gun);
    assertSameAsRealNotary(server.bulwark(dir.resolve("bob")), realBob, gun, "v1", "v3");

    // The real client works with the keys Bulwark wrote: it publishes and rotates the root.
    NotaryCli realAlice = server.notary(alice.trustDir());
    realAlice.runOk("addhash", "-p", gun, "v4", "4", "--sha256", "44".repeat(32));
    assertThat(realAlice.runWithStdin("yes\n", "key", "rotate", gun, "root").exitCode()).isZero();
    alice.runOk("add", gun, "v5", "--sha256", "55".repeat(32), "--size", "5");
    alice.runOk("publish", gun);
    assertSameAsRealNotary(
        server.bulwark(dir.resolve("bob")), realBob, gun, "v1", "v3", "v4", "v5");

    // Pinned to another certificate, both clients refuse the collection.
    NotaryCli wrongPin =
        server
            .notary(dir.resolve("real-wrong"))
            .withTrustPinning(TrustPinning.certs(gun, List.of("ab".repeat(32))));
    assertThat(wrongPin.run("list", gun).exitCode()).isNotZero();
    Path pinDir = dir.resolve("bulwark-wrong");
    NotaryCli pinCfg =
        NotaryCli.forServer(pinDir, server.url(), server.caCert())
            .withTrustPinning(TrustPinning.certs(gun, List.of("ab".repeat(32))));
    Run refused =
        TrustCli.exec(List.of("trust", "-c", pinCfg.configFile().toString(), "list", gun));
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("unable to match any certificates to trust_pinning config");
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void realNotaryCreates_bulwarkListsExactly_andPublishesFurther(Db db) throws Exception {
    BulwarkServer server = servers.get(db);
    String gun = "localhost:5000/real/app-" + db.name().toLowerCase(Locale.ROOT);
    Path dir = tmp.resolve(db + "-real");
    NotaryCli owner = server.notary(dir.resolve("owner"));
    owner.runOk("init", "-p", gun);
    owner.runOk("add", "-p", gun, "from-notary", file(dir, "n.txt", "from notary\n").toString());

    // Bulwark reads it exactly as notary does, then publishes with the keys notary made.
    assertSameAsRealNotary(
        server.bulwark(dir.resolve("reader")),
        server.notary(dir.resolve("real-reader")),
        gun,
        "from-notary");
    TrustCli sameDir = server.bulwark(owner.trustDir());
    sameDir.runOk("add", gun, "from-bulwark", file(dir, "b.txt", "from bulwark\n").toString());
    sameDir.runOk("publish", gun);
    assertSameAsRealNotary(
        server.bulwark(dir.resolve("reader")),
        server.notary(dir.resolve("real-reader")),
        gun,
        "from-bulwark",
        "from-notary");

    // The real client keeps publishing on top of Bulwark's update, and Bulwark on top of that.
    owner.runOk("addhash", "-p", gun, "again", "3", "--sha256", "ef".repeat(32));
    sameDir.runOk("key", "rotate", gun, "snapshot", "-r");
    sameDir.runOk("add", gun, "last", "--sha256", "cd".repeat(32), "--size", "5");
    sameDir.runOk("publish", gun);
    assertSameAsRealNotary(
        server.bulwark(dir.resolve("reader")),
        server.notary(dir.resolve("real-reader")),
        gun,
        "again",
        "from-bulwark",
        "from-notary",
        "last");
    owner.runOk("addhash", "-p", gun, "after-handover", "3", "--sha256", "ab".repeat(32));
    assertThat(server.bulwark(dir.resolve("reader")).runOk("list", gun).out())
        .contains("after-handover");
  }

  /** Bulwark's list and every lookup print exactly what the real client prints. */
  static void assertSameAsRealNotary(
      TrustCli bulwark, NotaryCli notary, String gun, String... tags) {
    String notaryList = notary.runOk("list", gun).stdout();
    assertThat(TrustCli.tags(notaryList)).containsExactly(tags);
    assertThat(bulwark.run("list", gun)).isEqualTo(new Run(0, notaryList, ""));
    for (String tag : tags) {
      String expected = notary.runOk("lookup", gun, tag).stdout();
      assertThat(bulwark.run("lookup", gun, tag)).isEqualTo(new Run(0, expected, ""));
    }
  }

  static String rootCertId(Run init) {
    Matcher m = CERT_ID.matcher(init.out());
    assertThat(m.find()).as(init.out()).isTrue();
    return m.group(1);
  }

  static Path file(Path dir, String name, String content) throws Exception {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve(name), content);
  }
}
