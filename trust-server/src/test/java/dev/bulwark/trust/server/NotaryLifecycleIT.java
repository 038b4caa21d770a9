package dev.bulwark.trust.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.notary.Certs;
import dev.bulwark.testkit.notary.NotaryCli;
import dev.bulwark.testkit.notary.TlsMaterial;
import dev.bulwark.trust.server.config.ServerConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Debian {@code notary} client drives {@code bulwark server} over TLS through the whole
 * life of a collection, once on H2 and once on PostgreSQL.
 */
class NotaryLifecycleIT {
  private static final String GUN = "localhost:5000/bulwark/lifecycle";

  @TempDir Path dir;

  @Test
  void wholeLifecycle_onH2() throws Exception {
    TlsMaterial tls = TestServers.tls(dir);
    lifecycle(TestServers.h2(dir, tls), tls);
  }

  @Test
  void wholeLifecycle_onPostgres() throws Exception {
    TlsMaterial tls = TestServers.tls(dir);
    lifecycle(TestServers.postgres(dir, tls, TestServers.freshPostgresDatabase()), tls);
  }

  private void lifecycle(ServerConfig cfg, TlsMaterial tls) throws Exception {
    try (TrustServer server = TrustServer.start(cfg)) {
      URI url = URI.create("https://127.0.0.1:" + server.port());
      NotaryCli alice = NotaryCli.forServer(dir.resolve("alice"), url, tls.caCert());
      Path payload = Files.writeString(dir.resolve("payload.txt"), "hello bulwark\n");

      alice.runOk("init", GUN, "-p");
      alice.runOk("add", GUN, "v1", payload.toString());
      alice.runOk(
          "addhash",
          GUN,
          "v2",
          "529",
          "--sha256",
          "1f0e2b9e6c1f8f1d9a5e3c1b2a4d6e8f0a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b");
      alice.runOk("publish", GUN);
      assertThat(alice.runOk("list", GUN).stdout()).contains("v1").contains("v2");
      assertThat(alice.runOk("lookup", GUN, "v1").stdout()).contains("v1 sha256:");
      assertThat(alice.runOk("verify", GUN, "v1", "-i", payload.toString(), "-q").exitCode())
          .isZero();

      Files.createDirectories(dir.resolve("deleg"));
      Path delegCert =
          Certs.issue(
              dir.resolve("deleg"),
              tls.caCert(),
              tls.caKey(),
              "releases",
              "releases",
              Certs.codeSigningExtensions());
      alice.runOk(
          "delegation", "add", GUN, "targets/releases", delegCert.toString(), "--all-paths", "-p");
      alice.runOk(
          "key",
          "import",
          dir.resolve("deleg/releases.key").toString(),
          "--role",
          "targets/releases");
      alice.runOk("add", GUN, "v3", payload.toString(), "-r", "targets/releases", "-p");
      assertThat(alice.runOk("list", GUN, "-r", "targets/releases").stdout()).contains("v3");

      alice.runOk("key", "rotate", GUN, "snapshot", "-r");
      alice.runOk("key", "rotate", GUN, "timestamp", "-r");
      alice.runOk("key", "rotate", GUN, "targets");
      assertThat(alice.runWithStdin("yes\n", "key", "rotate", GUN, "root").exitCode()).isZero();
      assertThat(alice.runWithStdin("yes\n", "key", "rotate", GUN, "root").exitCode()).isZero();
      alice.runOk("add", GUN, "v4", payload.toString(), "-p");
      alice.runOk("witness", GUN, "targets/releases", "-p");
      alice.runOk("remove", GUN, "v2", "-p");

      NotaryCli bob = NotaryCli.forServer(dir.resolve("bob"), url, tls.caCert());
      String listing = bob.runOk("list", GUN).stdout();
      assertThat(listing).contains("v1").contains("v3").contains("v4").doesNotContain("v2 ");
      assertThat(bob.runOk("verify", GUN, "v4", "-i", payload.toString(), "-q").exitCode())
          .isZero();

      alice.runOk("delete", GUN, "--remote");
      NotaryCli carol = NotaryCli.forServer(dir.resolve("carol"), url, tls.caCert());
      assertThat(carol.run("list", GUN).exitCode()).isNotZero();
    }
  }
}
