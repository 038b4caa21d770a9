package dev.bulwark.trust.client.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
  private HttpServer server;
  private final AtomicLong endlessBytesSent = new AtomicLong();
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/ok", ex -> respond(ex, 200, "hello"));
    server.createContext("/missing", ex -> respond(ex, 404, "nope"));
    server.createContext("/forbidden", ex -> respond(ex, 403, "no"));
    server.createContext("/error", ex -> respond(ex, 500, "boom"));
    server.createContext("/endless", this::endless);
    server.createContext("/announced-large", this::announcedLarge);
    server.createContext("/stalled", this::stalled);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
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

  private static void respond(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void endless(HttpExchange ex) throws IOException {
    ex.sendResponseHeaders(200, 0); // chunked, no length announced
    byte[] chunk = new byte[8192];
    try (OutputStream out = ex.getResponseBody()) {
      while (endlessBytesSent.get() < 64L * 1024 * 1024) {
        out.write(chunk);
        endlessBytesSent.addAndGet(chunk.length);
      }
    } catch (IOException expected) {
      // the client hung up, as it should
    }
  }

  private void announcedLarge(HttpExchange ex) throws IOException {
    ex.sendResponseHeaders(200, 1_000_000);
    ex.getResponseBody().write(new byte[10]);
    ex.getResponseBody().flush();
    awaitRelease();
    ex.close();
  }

  private void stalled(HttpExchange ex) throws IOException {
    ex.sendResponseHeaders(200, 10);
    ex.getResponseBody().write('x');
    ex.getResponseBody().flush();
    awaitRelease();
    ex.close();
  }

  private void awaitRelease() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void smallBody_isReturned() throws Exception {
    assertThat(new HttpFetcher().fetch(uri("/ok"), 5)).asString().isEqualTo("hello");
  }

  @Test
  void notFoundAndForbidden_areRemoteNotFound() {
    HttpFetcher fetcher = new HttpFetcher();
    assertThatThrownBy(() -> fetcher.fetch(uri("/missing"), 100))
        .isInstanceOf(RemoteNotFoundException.class);
    assertThatThrownBy(() -> fetcher.fetch(uri("/forbidden"), 100))
        .isInstanceOf(RemoteNotFoundException.class);
  }

  @Test
  void serverError_isHttpStatus() {
    assertThatThrownBy(() -> new HttpFetcher().fetch(uri("/error"), 100))
        .isInstanceOfSatisfying(
            HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(500));
  }

  @Test
  void endlessData_isCutOffWhileStreaming() {
    assertThatThrownBy(() -> new HttpFetcher().fetch(uri("/endless"), 20_000))
        .isInstanceOf(LengthExceededException.class);
    assertThat(endlessBytesSent.get()).isLessThan(64L * 1024 * 1024);
  }

  @Test
  void bodyOneByteOverLimit_isRefused() {
    assertThatThrownBy(() -> new HttpFetcher().fetch(uri("/ok"), 4))
        .isInstanceOf(LengthExceededException.class);
  }

  @Test
  void announcedLengthOverLimit_isRefusedBeforeReading() {
    assertThatThrownBy(() -> new HttpFetcher().fetch(uri("/announced-large"), 1000))
        .isInstanceOf(LengthExceededException.class);
  }

  @Test
  void slowRetrieval_isBoundedByTheDownloadDeadline() {
    HttpFetcher fetcher = new HttpFetcher(Duration.ofSeconds(5), Duration.ofMillis(300), "test");
    assertThatThrownBy(() -> fetcher.fetch(uri("/stalled"), 100))
        .isInstanceOf(SlowRetrievalException.class);
  }

  @Test
  void unreachableHost_isDownloadException() throws IOException {
    int port;
    try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port + "/x");
    assertThatThrownBy(() -> new HttpFetcher().fetch(closed, 100))
        .isExactlyInstanceOf(DownloadException.class);
  }
}
