package dev.bulwark.testkit.tuf;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Serves a {@link RepositorySimulator} over HTTP on a free loopback port: {@code GET
 * /metadata/<file>} and {@code /targets/<path>}; 404 for anything else. Close it when done.
 */
public final class SimulatorHttpServer implements AutoCloseable {
  private final HttpServer server;

  public SimulatorHttpServer(RepositorySimulator repo) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback port", e);
    }
    server.createContext("/", ex -> handle(repo, ex));
    server.start();
  }

  private static void handle(RepositorySimulator repo, HttpExchange ex) throws IOException {
    String raw = ex.getRequestURI().getRawPath().substring(1);
    // The simulator stores role names percent-encoded; decode only what HTTP itself encoded.
    String path =
        raw.startsWith("metadata/") ? raw : URLDecoder.decode(raw, StandardCharsets.UTF_8);
    Optional<byte[]> body =
        "GET".equals(ex.getRequestMethod()) ? repo.serve(path) : Optional.empty();
    if (body.isEmpty()) {
      ex.sendResponseHeaders(404, -1);
      ex.close();
      return;
    }
    ex.sendResponseHeaders(200, body.get().length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body.get());
    }
  }

  /** {@code http://127.0.0.1:PORT/metadata/} */
  public URI metadataUrl() {
    return base().resolve("metadata/");
  }

  /** {@code http://127.0.0.1:PORT/targets/} */
  public URI targetsUrl() {
    return base().resolve("targets/");
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
