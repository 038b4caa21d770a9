package dev.bulwark.trust.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.trust.server.config.ServerConfig;
import dev.bulwark.trust.server.config.StorageConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile bytes on the wire (below the API): every framing error gets a status line and a closed
 * connection — never silence, a stack trace, or a connection left in an unknown state — and the
 * server keeps answering afterwards. Request smuggling shapes (CL+TE, conflicting CLs) are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpFramingTest {
  @TempDir static Path dir;
  private TrustServer server;

  @BeforeAll
  void start() throws Exception {
    String mem = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    server =
        TrustServer.start(
            ServerConfig.defaults(dir)
                .withPort(0)
                .withMaxBodyBytes(64 * 1024)
                .withStorage(new StorageConfig(mem, dir, 4)));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  /** Sends raw bytes, half-closes, returns everything the server wrote until it closed. */
  private String raw(String request) throws IOException {
    try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      s.shutdownOutput();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private void stillServes() throws IOException {
    assertThat(raw("GET /v2/ HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 200 OK");
  }

  @Test
  void badPercentEscapeInThePath_is400_andCloses() throws IOException {
    String r = raw("GET /v2/foo%zz/_trust/tuf/root.json HTTP/1.1\r\nHost: x\r\n\r\n");

    assertThat(r).startsWith("HTTP/1.1 400 Bad Request").contains("Connection: close");
    stillServes();
  }

  @Test
  void contentLengthAndTransferEncodingTogether_areRefusedAsSmuggling() throws IOException {
    String r =
        raw(
            "POST /v2/a/_trust/tuf/ HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /v2/ HTTP/1.1\r\n\r\n");

    assertThat(r).startsWith("HTTP/1.1 400 Bad Request");
    assertThat(r.indexOf("HTTP/1.1", 1)).as("no second (smuggled) response").isNegative();
  }

  @Test
  void conflictingContentLengths_areRefused() throws IOException {
    String r =
        raw(
            "POST /v2/a/_trust/tuf/ HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                + "Content-Length: 7\r\n\r\nhello");

    assertThat(r).startsWith("HTTP/1.1 400 Bad Request");
  }

  @Test
  void signedOrHexContentLength_isRefused() throws IOException {
    assertThat(raw("POST /v2/a/_trust/tuf/ HTTP/1.1\r\nContent-Length: +5\r\n\r\nhello"))
        .startsWith("HTTP/1.1 400 Bad Request");
    assertThat(raw("POST /v2/a/_trust/tuf/ HTTP/1.1\r\nContent-Length: 0x5\r\n\r\nhello"))
        .startsWith("HTTP/1.1 400 Bad Request");
  }

  @Test
  void negativeOrHugeChunkSize_isRefused_withoutAStackTrace() throws IOException {
    assertThat(
            raw(
                "POST /v2/a/_trust/tuf/ HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "-5\r\nhello\r\n0\r\n\r\n"))
        .startsWith("HTTP/1.1 4");
    assertThat(
            raw(
                "POST /v2/a/_trust/tuf/ HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "ffffffffffffffffff\r\n"))
        .startsWith("HTTP/1.1 4");
    stillServes();
  }

  @Test
  void garbageRequestLine_is400() throws IOException {
    assertThat(raw("GARBAGE\r\n\r\n")).startsWith("HTTP/1.1 400 Bad Request");
  }

  @Test
  void oversizedRequestLine_is414_andOversizedHead_is431() throws IOException {
    assertThat(raw("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 414 ");
    assertThat(raw("GET /v2/ HTTP/1.1\r\n" + "X-Pad: " + "b".repeat(20_000) + "\r\n\r\n"))
        .startsWith("HTTP/1.1 431 ");
    StringBuilder many = new StringBuilder("GET /v2/ HTTP/1.1\r\n");
    for (int i = 0; i < 200; i++) {
      many.append("X-H").append(i).append(": v\r\n");
    }
    assertThat(raw(many.append("\r\n").toString())).startsWith("HTTP/1.1 431 ");
    stillServes();
  }

  @Test
  void whitespaceBeforeTheColon_orObsFold_is400() throws IOException {
    assertThat(raw("GET /v2/ HTTP/1.1\r\nHost : x\r\n\r\n")).startsWith("HTTP/1.1 400 ");
    assertThat(raw("GET /v2/ HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n")).startsWith("HTTP/1.1 400 ");
  }

  @Test
  void requestTargetThatIsNotAPath_is400() throws IOException {
    assertThat(raw("GET v2/ HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 400 ");
  }

  @Test
  void pipelinedRequests_areAnsweredInOrder() throws IOException {
    String r =
        raw(
            "GET /v2/a/_trust/tuf/root.json HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /v2/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(r).startsWith("HTTP/1.1 404 ");
    assertThat(r.substring(r.indexOf("HTTP/1.1", 1))).startsWith("HTTP/1.1 200 OK");
  }
}
