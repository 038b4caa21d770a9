package dev.bulwark.trust.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.notary.NotaryCli;
import dev.bulwark.testkit.notary.TlsMaterial;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight publishers race on one GUN: every acknowledged update is visible afterwards, every other
 * one got {@code 400 VERSION}, and the real notary client still verifies the collection.
 */
class ConcurrentPublishIT {
  private static final String GUN = "localhost:5000/bulwark/race";
  private static final int CLIENTS = 8;
  private static final int ROUNDS = 5;

  @TempDir Path dir;

  @Test
  void eightConcurrentPublishers_onH2() throws Exception {
    TlsMaterial tls = TestServers.tls(dir);
    race(TestServers.h2(dir, tls), tls);
  }

  @Test
  void eightConcurrentPublishers_onPostgres() throws Exception {
    TlsMaterial tls = TestServers.tls(dir);
    race(TestServers.postgres(dir, tls, TestServers.freshPostgresDatabase()), tls);
  }

  private void race(dev.bulwark.trust.server.config.ServerConfig cfg, TlsMaterial tls)
      throws Exception {
    try (TrustServer server = TrustServer.start(cfg)) {
      URI url = URI.create("https://127.0.0.1:" + server.port());
      HttpClient http = TestPublisher.client(tls);
      TestPublisher pub = TestPublisher.create(http, url, GUN, dir.resolve("keys"), tls);
      pub.init();
      ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> other = new ConcurrentLinkedQueue<>();
      try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
        for (int round = 0; round < ROUNDS; round++) {
          CountDownLatch go = new CountDownLatch(1);
          List<Future<?>> fs = new ArrayList<>();
          for (int c = 0; c < CLIENTS; c++) {
            String name = "r" + round + "-c" + c;
            fs.add(
                pool.submit(
                    () -> {
                      go.await();
                      HttpResponse<String> r = pub.publish(name);
                      if (r.statusCode() == 200) {
                        acked.add(name);
                      } else if (r.statusCode() == 400 && r.body().contains("\"VERSION\"")) {
                        refused.add(name);
                      } else {
                        other.add(name + " " + r.statusCode() + " " + r.body());
                      }
                      return null;
                    }));
          }
          go.countDown();
          for (Future<?> f : fs) {
            f.get();
          }
        }
      }
      assertThat(other).isEmpty();
      assertThat(acked.size() + refused.size()).isEqualTo(CLIENTS * ROUNDS);
      assertThat(acked).hasSizeGreaterThanOrEqualTo(ROUNDS);
      assertThat(pub.currentTargets().signed().targets().keySet())
          .containsAll(acked)
          .doesNotContainAnyElementsOf(refused);

      NotaryCli reader = NotaryCli.forServer(dir.resolve("reader"), url, tls.caCert());
      String listing = reader.runOk("list", GUN).stdout();
      for (String name : acked) {
        assertThat(listing).contains(name);
      }
    }
  }
}
