package dev.bulwark.trust.client.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that answers "not found" (or an error) but never finishes the body: the status alone
 * decides, so the client must not read on until its download deadline (a 404 for the next root
 * version is the normal end of TUF 5.3.3, and must not turn into a slow-retrieval failure).
 */
class HostileHttpServerTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private HttpServer server;
  private final AtomicLong sent = new AtomicLong();
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/endless-404", ex -> endless(ex, 404));
    server.createContext("/endless-500", ex -> endless(ex, 500));
    server.createContext("/stalled-404", this::stalled404);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private void endless(HttpExchange ex, int status) throws IOException {
    ex.sendResponseHeaders(status, 0);
    byte[] chunk = new byte[8192];
    try (OutputStream out = ex.getResponseBody()) {
      while (sent.get() < 1L << 30) {
        out.write(chunk);
        sent.addAndGet(chunk.length);
      }
    } catch (IOException expected) {
      // the client hung up
    }
  }

  private void stalled404(HttpExchange ex) throws IOException {
    ex.sendResponseHeaders(404, 100);
    ex.getResponseBody().write('x');
    ex.getResponseBody().flush();
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ex.close();
  }

  private HttpFetcher fetcher() {
    return new HttpFetcher(Duration.ofSeconds(5), DEADLINE, "test");
  }

  @Test
  void notFoundWithAnEndlessBody_isNotFoundAtOnce() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> fetcher().fetch(uri("/endless-404"), 1000))
                .isInstanceOf(RemoteNotFoundException.class));
    assertThat(sent.get()).isLessThan(1L << 30);
  }

  @Test
  void notFoundWithAStalledBody_isNotFoundAtOnce() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> fetcher().fetch(uri("/stalled-404"), 1000))
                .isInstanceOf(RemoteNotFoundException.class));
  }

  @Test
  void serverErrorWithAnEndlessBody_isAnHttpStatusErrorAtOnce() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> fetcher().fetch(uri("/endless-500"), 1000))
                .isInstanceOf(HttpStatusException.class));
  }
}
