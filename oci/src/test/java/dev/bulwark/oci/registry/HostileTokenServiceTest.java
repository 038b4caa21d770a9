package dev.bulwark.oci.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.RegistryException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A registry whose token service answers with a token that cannot be a header value: the client
 * must fail with a {@link RegistryException}, not an unchecked exception from the HTTP library.
 */
class HostileTokenServiceTest {
  private HttpServer server;
  private volatile String tokenJson;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    if (ex.getRequestURI().getPath().equals("/token")) {
      send(ex, 200, tokenJson);
      return;
    }
    ex.getResponseHeaders()
        .add("WWW-Authenticate", "Bearer realm=\"http://" + host() + "/token\",service=\"x\"");
    send(ex, 401, "{}");
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"token\":\"abc\\r\\nX-Injected: 1\"}",
        "{\"token\":\"abc\\u0000\"}",
        "{\"token\":\"t\\u00e9\"}",
        "{\"token\":\"with space\"}"
      })
  void tokenThatIsNotAHeaderValue_isARegistryException(String json) throws Exception {
    tokenJson = json;
    RegistryClient client = RegistryClient.builder().plainHttp(h -> true).build();
    ImageReference ref = ImageReference.parse(host() + "/app:1");
    assertThatThrownBy(() -> client.resolveTagUnverified(ref))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("token");
  }
}
