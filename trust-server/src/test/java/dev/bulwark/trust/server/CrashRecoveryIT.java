package dev.bulwark.trust.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.notary.NotaryCli;
import dev.bulwark.testkit.notary.TlsMaterial;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the server process in the middle of a burst of updates: after a restart the
 * collection verifies with the real notary client and no acknowledged update is missing.
 */
class CrashRecoveryIT {
  private static final String GUN = "localhost:5000/bulwark/crash";
  private static final int PUBLISHERS = 4;
  private static final int ACKS_BEFORE_KILL = 12;

  @TempDir Path dir;

  @Test
  void killDashNineMidBurst_losesNoAcknowledgedUpdate_onH2() throws Exception {
    crash("storage:\n  data_dir: " + dir.resolve("data") + "\n");
  }

  @Test
  void killDashNineMidBurst_losesNoAcknowledgedUpdate_onPostgres() throws Exception {
    crash(
        "storage:\n  backend: postgresql\n  db_url: \""
            + TestServers.freshPostgresDatabase()
            + "\"\n  data_dir: "
            + dir.resolve("data")
            + "\n");
  }

  private void crash(String storageYaml) throws Exception {
    TlsMaterial tls = TestServers.tls(dir);
    Path cfg = writeConfig(tls, storageYaml);
    ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
    HttpClient http = TestPublisher.client(tls);
    TestPublisher pub;
    try (ServerProcess first = ServerProcess.start(cfg, dir.resolve("server1.log"))) {
      pub = TestPublisher.create(http, first.url(), GUN, dir.resolve("keys"), tls);
      pub.init();
      CountDownLatch enough = new CountDownLatch(ACKS_BEFORE_KILL);
      try (ExecutorService pool = Executors.newFixedThreadPool(PUBLISHERS)) {
        List<Future<?>> fs = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
          String prefix = "p" + p + "-";
          TestPublisher me = pub;
          fs.add(pool.submit(() -> burst(me, prefix, acked, enough)));
        }
        assertThat(enough.await(120, TimeUnit.SECONDS)).as("acks before kill").isTrue();
        first.kill9();
        for (Future<?> f : fs) {
          f.get();
        }
      }
    }
    try (ServerProcess second = ServerProcess.start(cfg, dir.resolve("server2.log"))) {
      TestPublisher again = TestPublisher.create(http, second.url(), GUN, dir.resolve("k2"), tls);
      assertThat(again.currentTargets().signed().targets().keySet()).containsAll(acked);
      NotaryCli reader = NotaryCli.forServer(dir.resolve("reader"), second.url(), tls.caCert());
      String listing = reader.runOk("list", GUN).stdout();
      for (String name : acked) {
        assertThat(listing).contains(name);
      }
    }
  }

  /** Publishes until the server dies; counts acknowledged names. */
  private static Void burst(
      TestPublisher pub, String prefix, ConcurrentLinkedQueue<String> acked, CountDownLatch n) {
    for (int i = 0; ; i++) {
      String name = prefix + i;
      try {
        HttpResponse<String> r = pub.publish(name);
        if (r.statusCode() == 200) {
          acked.add(name);
          n.countDown();
        }
      } catch (IOException | IllegalStateException e) {
        return null; // server killed
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private Path writeConfig(TlsMaterial tls, String storageYaml) throws IOException {
    Files.writeString(dir.resolve("secret"), "crash-test-key-encryption-secret\n");
    String yaml =
        "server:\n  port: 0\n  tls_cert_file: "
            + tls.leafCert()
            + "\n  tls_key_file: "
            + tls.leafKey()
            + "\n"
            + storageYaml
            + "keys:\n  secret_file: "
            + dir.resolve("secret")
            + "\n";
    return Files.writeString(dir.resolve("server.yml"), yaml);
  }
}
