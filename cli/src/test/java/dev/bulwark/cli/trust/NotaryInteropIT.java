package dev.bulwark.cli.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.trust.TrustCli.Run;
import dev.bulwark.testkit.notary.Certs;
import dev.bulwark.testkit.notary.NotaryCli;
import dev.bulwark.testkit.notary.NotaryServerProcess;
import dev.bulwark.testkit.notary.Storage;
import dev.bulwark.testkit.notary.TlsMaterial;
import dev.bulwark.testkit.notary.TrustPinning;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.RoleType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real notary-server + notary-signer on loopback with TLS; a collection published by the real
 * notary client (targets, a targets/releases delegation, two root key rotations); bulwark must
 * print exactly what notary prints, follow the root rotations from a stale cache, and refuse the
 * collection under a wrong pin.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotaryInteropIT {
  private static final String GUN = "localhost:5000/bulwark/interop";

  @TempDir static Path tmp;
  static NotaryServerProcess server;
  static NotaryCli alice;

  @BeforeAll
  static void publish() throws Exception {
    server = NotaryServerProcess.start(tmp.resolve("server"), Storage.memory());
    alice = server.client(tmp.resolve("alice"));
    alice.runOk("init", "-p", GUN);
    alice.runOk("add", "-p", GUN, "1.0", file("one", "first release\n"));
    alice.runOk("add", "-p", GUN, "latest", file("latest", "latest release\n"));
    alice.runOk(
        "addhash",
        "-p",
        GUN,
        "1.1",
        "529",
        "--sha256",
        "1f0e2e2b781438ad11ab1fc5797b3ceacaee300790331d100303cf61ce2d75d5");
    TlsMaterial tls = server.tls();
    Path releases =
        Certs.issue(
            tmp.resolve("deleg"),
            tls.caCert(),
            tls.caKey(),
            "releases",
            "releases",
            Certs.noEkuExtensions());
    alice.runOk(
        "delegation", "add", "-p", GUN, "targets/releases", releases.toString(), "--all-paths");
    alice.runOk(
        "key",
        "import",
        tmp.resolve("deleg/releases.key").toString(),
        "--role",
        "targets/releases");
    alice.runOk(
        "add", "-p", GUN, "2.0", file("two", "second release\n"), "--roles", "targets/releases");
    alice.runOk(
        "add",
        "-p",
        GUN,
        "latest",
        file("latest-rel", "latest via releases\n"),
        "--roles",
        "targets/releases");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void listAndLookup_printExactlyWhatNotaryPrints() {
    Path bobDir = tmp.resolve("bob");
    String notaryList = alice.runOk("list", GUN).stdout();
    assertThat(bulwark(bobDir, "list", GUN)).isEqualTo(new Run(0, notaryList, ""));
    for (String tag : TrustCli.tags(notaryList)) {
      String expected = alice.runOk("lookup", GUN, tag).stdout();
      assertThat(bulwark(bobDir, "lookup", GUN, tag)).isEqualTo(new Run(0, expected, ""));
    }
    assertThat(TrustCli.tags(notaryList)).containsExactly("1.0", "1.1", "2.0", "latest");
    assertThat(Files.exists(bobDir.resolve("tuf/" + GUN + "/metadata/targets/releases.json")))
        .isTrue();
  }

  @Test
  @Order(2)
  void afterTwoRootRotations_aStaleCacheFollowsTheChain_andStillMatchesNotary() throws Exception {
    Path carolDir = tmp.resolve("carol");
    assertThat(bulwark(carolDir, "list", GUN).exit()).isZero(); // caches root v1
    alice.runWithStdin("yes\n", "key", "rotate", GUN, "root");
    alice.runWithStdin("yes\n", "key", "rotate", GUN, "root");
    alice.runOk("add", "-p", GUN, "1.2", file("onetwo", "after rotation\n"));

    String notaryList = alice.runOk("list", GUN).stdout();
    assertThat(bulwark(carolDir, "list", GUN)).isEqualTo(new Run(0, notaryList, ""));
    for (String tag : TrustCli.tags(notaryList)) {
      String expected = alice.runOk("lookup", GUN, tag).stdout();
      assertThat(bulwark(carolDir, "lookup", GUN, tag).out()).isEqualTo(expected);
    }
    assertThat(rootVersion(carolDir)).isEqualTo(3);
  }

  @Test
  @Order(3)
  void pinnedToTheRightCert_isAccepted_andToAWrongCert_isRefused() throws Exception {
    String id = rootCertId(alice.trustDir());
    Run ok =
        bulwarkWithPin(
            tmp.resolve("dave"), new TrustPinning(Map.of(GUN, List.of(id)), Map.of(), true));
    assertThat(ok.exit()).as(ok.err()).isZero();

    Path erin = tmp.resolve("erin");
    Run refused =
        bulwarkWithPin(
            erin, new TrustPinning(Map.of(GUN, List.of("ab".repeat(32))), Map.of(), true));
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("unable to match any certificates to trust_pinning config");
    assertThat(Files.exists(erin.resolve("tuf/" + GUN + "/metadata/root.json"))).isFalse();
    // the real client refuses it the same way
    NotaryCli realErin =
        NotaryCli.forServer(erin.resolve("notary"), server.url(), server.caCert())
            .withTrustPinning(TrustPinning.certs(GUN, List.of("ab".repeat(32))));
    assertThat(realErin.run("list", GUN).exitCode()).isEqualTo(1);
  }

  @Test
  @Order(4)
  void unknownGun_andUnknownTag_fail() {
    Run gun = bulwark(tmp.resolve("frank"), "list", "localhost:5000/bulwark/none");
    assertThat(gun.exit()).isEqualTo(1);
    assertThat(gun.err()).contains("does not have trust data");
    Run tag = bulwark(tmp.resolve("frank"), "lookup", GUN, "9.9");
    assertThat(tag.exit()).isEqualTo(1);
    assertThat(tag.err()).contains("No valid trust data for 9.9");
  }

  @Test
  @Order(5)
  void pinningFlags_pinAndRefuse_andOverrideTheConfigFile() throws Exception {
    String id = rootCertId(alice.trustDir());

    Run noTofu = bulwark(tmp.resolve("gina"), "--no-tofu", "list", GUN);
    assertThat(noTofu.exit()).isEqualTo(1);
    assertThat(noTofu.err()).contains("TOFU is disabled");

    Run pinned =
        bulwark(tmp.resolve("hank"), "--no-tofu", "--pin-cert", GUN + "=" + id, "list", GUN);
    assertThat(pinned.exit()).as(pinned.err()).isZero();

    Path ivan = tmp.resolve("ivan");
    Run wrongPrefixPin =
        bulwark(ivan, "--pin-cert", "localhost:5000/bulwark/*=" + "ab".repeat(32), "list", GUN);
    assertThat(wrongPrefixPin.exit()).isEqualTo(1);
    assertThat(wrongPrefixPin.err())
        .contains("unable to match any certificates to trust_pinning config");
    assertThat(Files.exists(ivan.resolve("tuf/" + GUN + "/metadata/root.json"))).isFalse();

    NotaryCli wrongInConfig =
        NotaryCli.forServer(tmp.resolve("judy"), server.url(), server.caCert())
            .withTrustPinning(
                new TrustPinning(Map.of(GUN, List.of("ab".repeat(32))), Map.of(), true));
    Run flagWins =
        TrustCli.exec(
            List.of(
                "trust",
                "-c",
                wrongInConfig.configFile().toString(),
                "--pin-cert",
                GUN + "=" + id,
                "list",
                GUN));
    assertThat(flagWins.exit()).as(flagWins.err()).isZero();

    Run malformed = bulwark(tmp.resolve("kim"), "--pin-cert", GUN + "=xyz", "list", GUN);
    assertThat(malformed.exit()).isEqualTo(2);
    assertThat(malformed.err()).contains("not a certificate key ID");
  }

  @Test
  @Order(6)
  void delegationLeftSignedOnlyByARevokedKey_isSkipped_exactlyAsNotarySkipsIt() throws Exception {
    // `notary delegation remove` takes the canonical ID (of the bare public key), not the
    // certificate key ID targets.json lists.
    String oldId;
    try (var in = Files.newInputStream(tmp.resolve("deleg/releases.crt"))) {
      var cert = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
      oldId = dev.bulwark.trust.client.keystore.KeyIds.canonicalId(cert.getPublicKey());
    }
    TlsMaterial tls = server.tls();
    Path fresh =
        Certs.issue(
            tmp.resolve("deleg2"),
            tls.caCert(),
            tls.caKey(),
            "releases2",
            "releases2",
            Certs.noEkuExtensions());
    alice.runOk("delegation", "add", "-p", GUN, "targets/releases", fresh.toString());
    alice.runOk("delegation", "remove", "-p", GUN, "targets/releases", oldId);

    String notaryList = alice.runOk("list", GUN).stdout();
    Run ours = bulwark(tmp.resolve("lena"), "list", GUN);
    assertThat(ours.exit()).as(ours.err()).isZero();
    assertThat(ours.out()).isEqualTo(notaryList);
    assertThat(ours.err()).contains("skipped delegation targets/releases");
    assertThat(TrustCli.tags(notaryList)).doesNotContain("2.0");
    assertThat(alice.run("lookup", GUN, "2.0").exitCode()).isEqualTo(1);
    assertThat(bulwark(tmp.resolve("lena"), "lookup", GUN, "2.0").exit()).isEqualTo(1);
  }

  // --- helpers ---

  private static Run bulwark(Path trustDir, String... args) {
    return new TrustCli(trustDir, server.url(), server.caCert()).run(args);
  }

  private static Run bulwarkWithPin(Path trustDir, TrustPinning pin) throws Exception {
    NotaryCli cfg =
        NotaryCli.forServer(trustDir, server.url(), server.caCert()).withTrustPinning(pin);
    return TrustCli.exec(List.of("trust", "-c", cfg.configFile().toString(), "list", GUN));
  }

  private static String file(String name, String content) throws Exception {
    Path p = tmp.resolve("files").resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content).toString();
  }

  private static long rootVersion(Path trustDir) {
    try {
      byte[] raw = Files.readAllBytes(trustDir.resolve("tuf/" + GUN + "/metadata/root.json"));
      return Metadata.parseRoot(Dialect.NOTARY, raw).signed().version();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String rootCertId(Path notaryTrustDir) throws Exception {
    byte[] raw = Files.readAllBytes(notaryTrustDir.resolve("tuf/" + GUN + "/metadata/root.json"));
    return Metadata.parseRoot(Dialect.NOTARY, raw).signed().role(RoleType.ROOT).keyIds().getFirst();
  }
}
