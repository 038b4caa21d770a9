package dev.bulwark.trust.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.notary.NotaryCli;
import dev.bulwark.testkit.notary.TlsMaterial;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two server processes on one PostgreSQL database serve one view: publish via A, read via B. */
class TwoProcessIT {
  private static final String GUN = "localhost:5000/bulwark/scaleout";

  @TempDir Path dir;

  @Test
  void publishThroughOne_isServedByTheOther() throws Exception {
    TlsMaterial tls = TestServers.tls(dir);
    Files.writeString(dir.resolve("secret"), "two-process-shared-key-encryption-secret\n");
    String yaml =
        "server:\n  port: 0\n  tls_cert_file: "
            + tls.leafCert()
            + "\n  tls_key_file: "
            + tls.leafKey()
            + "\nstorage:\n  backend: postgresql\n  db_url: \""
            + TestServers.freshPostgresDatabase()
            + "\"\n  data_dir: "
            + dir.resolve("data")
            + "\nkeys:\n  secret_file: "
            + dir.resolve("secret")
            + "\n";
    Path cfg = Files.writeString(dir.resolve("server.yml"), yaml);
    Path payload = Files.writeString(dir.resolve("payload"), "scale out\n");
    try (ServerProcess a = ServerProcess.start(cfg, dir.resolve("a.log"));
        ServerProcess b = ServerProcess.start(cfg, dir.resolve("b.log"))) {
      NotaryCli viaA = NotaryCli.forServer(dir.resolve("alice"), a.url(), tls.caCert());
      NotaryCli viaB = NotaryCli.forServer(dir.resolve("bob"), b.url(), tls.caCert());
      viaA.runOk("init", GUN, "-p");
      viaA.runOk("add", GUN, "first", payload.toString(), "-p");
      assertThat(viaB.runOk("list", GUN).stdout()).contains("first");

      viaA.runOk("add", GUN, "second", payload.toString(), "-p");
      awaitSameTimestamp(HttpClient.newBuilder().sslContext(tls.clientContext()).build(), a, b);
      assertThat(viaB.runOk("list", GUN).stdout()).contains("first").contains("second");
      NotaryCli aliceViaB = NotaryCli.forServer(dir.resolve("alice"), b.url(), tls.caCert());
      aliceViaB.runOk("add", GUN, "third", payload.toString(), "-p");
      awaitSameTimestamp(HttpClient.newBuilder().sslContext(tls.clientContext()).build(), b, a);
      NotaryCli carolViaA = NotaryCli.forServer(dir.resolve("carol"), a.url(), tls.caCert());
      assertThat(carolViaA.runOk("list", GUN).stdout()).contains("third");
    }
  }

  /** B's cache may lag A's write by at most caching.refresh_millis (100 ms by default). */
  private static void awaitSameTimestamp(HttpClient http, ServerProcess a, ServerProcess b)
      throws Exception {
    byte[] want = get(http, a.url());
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!Arrays.equals(want, get(http, b.url()))) {
      assertThat(System.nanoTime()).as("B serves A's timestamp within 10 s").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  private static byte[] get(HttpClient http, URI base) throws Exception {
    return http.send(
            HttpRequest.newBuilder(base.resolve("/v2/" + GUN + "/_trust/tuf/timestamp.json"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray())
        .body();
  }
}
