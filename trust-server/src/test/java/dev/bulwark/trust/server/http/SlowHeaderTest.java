package dev.bulwark.trust.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.trust.server.auth.Authorizer;
import dev.bulwark.trust.server.metrics.Metrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slow-header (slowloris) defence: a request head trickled in byte by byte is cut off with 408 once
 * its deadline passes, while a keep-alive connection that merely sits idle between requests is not.
 * The deadline is 1 s here (30 s in production).
 */
class SlowHeaderTest {
  private HttpServer11 server;

  @BeforeEach
  void start() throws IOException {
    Dispatcher dispatcher =
        new Dispatcher(
            List.of(), new GunPolicy(List.of()), Authorizer.allowAll(), new Metrics(), 1024);
    server =
        new HttpServer11(
            new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
            dispatcher,
            Duration.ofSeconds(1));
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    server.awaitIdle(100);
  }

  private static String readAll(Socket s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    s.getInputStream().transferTo(out);
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void headTrickledPastItsDeadline_is408_andTheConnectionCloses() throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write("GET /v2/ HTTP/1.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      try {
        for (int i = 0; i < 40; i++) { // up to 4 s of trickling; the server cuts at 1 s
          out.write('a');
          out.flush();
          Thread.sleep(100);
        }
      } catch (IOException closedByServer) {
        // expected once the server gave up
      }
      String reply = readAll(s);
      assertThat(reply).startsWith("HTTP/1.1 408 Request Timeout").contains("Connection: close");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }
  }

  @Test
  void idleKeepAliveConnection_isNotCutByTheHeadDeadline() throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write("GET /a HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(1_500); // idle longer than the head deadline
      out.write(
          "GET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String replies = readAll(s);
      assertThat(replies).startsWith("HTTP/1.1 404 ");
      assertThat(replies.substring(replies.indexOf("HTTP/1.1", 1))).startsWith("HTTP/1.1 404 ");
    }
  }
}
