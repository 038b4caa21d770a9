package dev.bulwark.oci.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.Digest;
import dev.bulwark.oci.ManifestDocument;
import dev.bulwark.oci.layout.OciLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * An in-process distribution v2 server over an {@link OciLayout}, for unit tests: optional Bearer
 * token auth, optional redirect of blob downloads to a second server (another origin), optional
 * tampering, and a log of every request with its Authorization header.
 */
final class FakeRegistry implements AutoCloseable {
  record Request(String server, String method, String uri, String authorization) {}

  static final String TOKEN = "good-token";
  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final HttpServer api;
  private final HttpServer storage;
  private final OciLayout content;
  volatile boolean requireToken;
  volatile boolean redirectBlobs;
  volatile boolean redirectLoop;
  volatile boolean endlessManifest;
  volatile String basicChallengeOnly;
  volatile UnaryOperator<byte[]> tamper = b -> b;

  FakeRegistry(OciLayout content) throws IOException {
    this.content = content;
    InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    api = HttpServer.create(any, 0);
    storage = HttpServer.create(any, 0);
    api.createContext("/", this::handleApi);
    storage.createContext("/", this::handleStorage);
    api.start();
    storage.start();
  }

  String host() {
    return "127.0.0.1:" + api.getAddress().getPort();
  }

  List<Request> requestsTo(String server) {
    return requests.stream().filter(r -> r.server.equals(server)).toList();
  }

  private void record(String server, HttpExchange ex) {
    requests.add(
        new Request(
            server,
            ex.getRequestMethod(),
            ex.getRequestURI().toString(),
            ex.getRequestHeaders().getFirst("Authorization")));
  }

  private void handleApi(HttpExchange ex) throws IOException {
    record("api", ex);
    String path = ex.getRequestURI().getPath();
    if (path.equals("/token")) {
      send(
          ex,
          200,
          "application/json",
          ("{\"token\":\"" + TOKEN + "\"}").getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (basicChallengeOnly != null && ex.getRequestHeaders().getFirst("Authorization") == null) {
      ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"" + basicChallengeOnly + "\"");
      send(ex, 401, "application/json", new byte[0]);
      return;
    }
    if (requireToken
        && !("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      ex.getResponseHeaders()
          .add(
              "WWW-Authenticate",
              "Bearer realm=\"http://"
                  + host()
                  + "/token\",service=\"fake\",scope=\"repository:x:pull\"");
      send(
          ex,
          401,
          "application/json",
          "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String[] parts = path.split("/(manifests|blobs)/", 2);
    if (parts.length != 2) {
      send(ex, 404, "application/json", new byte[0]);
    } else if (path.contains("/manifests/")) {
      serveManifest(ex, parts[1]);
    } else {
      serveBlob(ex, parts[1]);
    }
  }

  private void serveManifest(HttpExchange ex, String ref) throws IOException {
    if (endlessManifest) {
      ex.getResponseHeaders().add("Content-Type", "application/vnd.oci.image.manifest.v1+json");
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 1024; i++) {
          out.write(chunk);
        }
      } catch (IOException clientHungUp) {
        // expected: the client stops reading at the limit
      }
      return;
    }
    Optional<Digest> digest = parseDigest(ref);
    if (digest.isEmpty()) {
      Optional<Descriptor> d;
      try {
        d = content.lookup(ref);
      } catch (dev.bulwark.oci.ImageFormatException e) {
        throw new IOException(e);
      }
      if (d.isEmpty()) {
        send(
            ex,
            404,
            "application/json",
            "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      digest = Optional.of(d.get().digest());
    }
    if (!Files.exists(content.blobPath(digest.get()))) {
      send(
          ex,
          404,
          "application/json",
          "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    byte[] bytes = Files.readAllBytes(content.blobPath(digest.get()));
    String type = ManifestDocumentType.of(bytes);
    send(ex, 200, type, tamper.apply(bytes));
  }

  private void serveBlob(HttpExchange ex, String ref) throws IOException {
    if (redirectLoop) {
      ex.getResponseHeaders().add("Location", ex.getRequestURI().toString());
      send(ex, 307, null, new byte[0]);
      return;
    }
    if (redirectBlobs) {
      ex.getResponseHeaders()
          .add(
              "Location", "http://127.0.0.1:" + storage.getAddress().getPort() + "/storage/" + ref);
      send(ex, 307, null, new byte[0]);
      return;
    }
    serveBlobBytes(ex, ref);
  }

  private void handleStorage(HttpExchange ex) throws IOException {
    record("storage", ex);
    serveBlobBytes(ex, ex.getRequestURI().getPath().substring("/storage/".length()));
  }

  private void serveBlobBytes(HttpExchange ex, String ref) throws IOException {
    Optional<Digest> digest = parseDigest(ref);
    if (digest.isEmpty() || !Files.exists(content.blobPath(digest.get()))) {
      send(
          ex,
          404,
          "application/json",
          "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\"}]}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    send(
        ex,
        200,
        "application/octet-stream",
        tamper.apply(Files.readAllBytes(content.blobPath(digest.get()))));
  }

  private static Optional<Digest> parseDigest(String ref) {
    try {
      return Optional.of(Digest.parse(ref));
    } catch (dev.bulwark.oci.InvalidReferenceException notADigest) {
      return Optional.empty();
    }
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    if (type != null) {
      ex.getResponseHeaders().add("Content-Type", type);
    }
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      if (!head) {
        out.write(body);
      }
    }
  }

  /** The media type a real registry would send for stored manifest bytes. */
  private static final class ManifestDocumentType {
    static String of(byte[] bytes) {
      try {
        return ManifestDocument.parse(bytes, null).mediaType();
      } catch (dev.bulwark.oci.ImageFormatException e) {
        return "application/octet-stream";
      }
    }
  }

  @Override
  public void close() {
    api.stop(0);
    storage.stop(0);
  }
}
