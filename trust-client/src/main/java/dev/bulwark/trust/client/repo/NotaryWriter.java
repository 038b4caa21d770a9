package dev.bulwark.trust.client.repo;

import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NotaryTls;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.json.CanonicalJson;
import dev.bulwark.trust.core.json.JsonArray;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonReader;
import dev.bulwark.trust.core.json.JsonString;
import dev.bulwark.trust.core.json.JsonValue;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The write side of the Notary v1 server API (research/notary.md §2): the multipart update {@code
 * POST /v2/<gun>/_trust/tuf/} (form field {@code files}, file name = role), server-held keys
 * ({@code GET}/{@code POST .../<role>.key}) and {@code DELETE /v2/<gun>/_trust/tuf/}.
 */
public final class NotaryWriter {
  private static final int MAX_RESPONSE = 1 << 20;
  private final URI server;
  private final HttpClient client;
  private final Duration timeout;
  private final SecureRandom random;

  public NotaryWriter(URI server, NotaryTls tls, Duration timeout, SecureRandom random) {
    this(server, tls.sslContext(), timeout, random);
  }

  /** A writer with a ready-made TLS context (shared with the reader of the same server). */
  public NotaryWriter(URI server, SSLContext sslContext, Duration timeout, SecureRandom random) {
    this.server = server;
    this.timeout = timeout;
    this.random = random;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(sslContext)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /**
   * Uploads signed roles atomically; the server signs a new timestamp (and snapshot if it holds
   * it).
   */
  public void update(Gun gun, Map<String, byte[]> files) throws RepoException {
    String boundary = HexFormat.of().formatHex(bytes(24));
    HttpRequest req =
        request(tufUri(gun, ""))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, files)))
            .build();
    send(req, "publish " + files.keySet() + " to " + gun);
  }

  /**
   * The public key of a server-held role ({@code timestamp}, {@code snapshot}); created if absent.
   */
  public Key serverKey(Gun gun, String role) throws RepoException {
    return parseKey(
        send(request(tufUri(gun, role + ".key")).GET().build(), "get " + role + " key of " + gun),
        role);
  }

  /** Asks the server for a new key for a server-held role (used once a root lists it). */
  public Key rotateServerKey(Gun gun, String role) throws RepoException {
    HttpRequest req =
        request(tufUri(gun, role + ".key")).POST(HttpRequest.BodyPublishers.noBody()).build();
    return parseKey(send(req, "rotate " + role + " key of " + gun), role);
  }

  /** Deletes all of the collection's metadata on the server. */
  public void delete(Gun gun) throws RepoException {
    send(request(tufUri(gun, "")).DELETE().build(), "delete " + gun + " on the server");
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  static byte[] multipart(String boundary, Map<String, byte[]> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    files.forEach(
        (role, body) -> {
          String head =
              "--"
                  + boundary
                  + "\r\n"
                  + "Content-Disposition: form-data; name=\"files\"; filename=\""
                  + role
                  + "\"\r\n"
                  + "Content-Type: application/octet-stream\r\n\r\n";
          out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
          out.writeBytes(body);
          out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private URI tufUri(Gun gun, String file) {
    String base = server.toString().replaceAll("/+$", "");
    return URI.create(base + "/v2/" + gun.name() + "/_trust/tuf/" + file);
  }

  private HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "bulwark");
  }

  private byte[] send(HttpRequest req, String what) throws RepoException {
    HttpResponse<byte[]> resp;
    try {
      resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new RepoException(
          "cannot " + what + ": server " + server + " unreachable (" + describe(e) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RepoException("interrupted while trying to " + what, e);
    }
    if (resp.statusCode() / 100 != 2) {
      throw refused(resp, what);
    }
    byte[] body = resp.body();
    if (body.length > MAX_RESPONSE) {
      throw new RepoException(
          "cannot " + what + ": response larger than " + MAX_RESPONSE + " bytes");
    }
    return body;
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      m =
          e.getCause() != null && e.getCause().getMessage() != null
              ? e.getCause().getMessage()
              : e.getClass().getSimpleName();
    }
    return m;
  }

  /** Maps Notary's errcode JSON ({@code {"errors":[{"code","message","detail"}]}}) to a message. */
  static ServerRefusedException refused(HttpResponse<byte[]> resp, String what) {
    String code = "";
    String detail = new String(resp.body(), StandardCharsets.UTF_8).strip();
    try {
      JsonObject o = JsonReader.parseObject(resp.body());
      JsonValue errs = o.get("errors").orElse(JsonArray.EMPTY);
      if (errs instanceof JsonArray a && a.size() > 0 && a.get(0) instanceof JsonObject e) {
        code = text(e, "code");
        String msg = text(e, "message");
        String d = e.get("detail").map(v -> CanonicalJson.encodeToString(v)).orElse("");
        detail = msg + (d.isEmpty() || d.equals("{}") ? "" : " " + d);
      }
    } catch (MalformedMetadataException | RuntimeException ignored) {
      // Not JSON: keep the raw body (truncated below).
    }
    if (detail.length() > 500) {
      detail = detail.substring(0, 500) + "...";
    }
    return new ServerRefusedException(
        resp.statusCode(),
        code,
        "server refused to "
            + what
            + ": HTTP "
            + resp.statusCode()
            + (code.isEmpty() ? "" : " " + code)
            + ": "
            + detail);
  }

  private static String text(JsonObject o, String name) {
    return o.get(name)
        .filter(JsonString.class::isInstance)
        .map(v -> ((JsonString) v).value())
        .orElse("");
  }

  private static Key parseKey(byte[] body, String role) throws RepoException {
    try {
      return Key.parse(Dialect.NOTARY, JsonReader.parseObject(body), role + ".key");
    } catch (MalformedMetadataException e) {
      throw new RepoException("server sent a malformed " + role + " key: " + e.getMessage(), e);
    }
  }
}
