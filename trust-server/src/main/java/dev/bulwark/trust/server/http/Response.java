package dev.bulwark.trust.server.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, headers and the exact body bytes. */
public record Response(int status, Map<String, String> headers, byte[] body) {
  public static final String TEXT = "text/plain; charset=utf-8";
  public static final String JSON = "application/json; charset=utf-8";

  public Response {
    headers = Map.copyOf(headers);
  }

  public static Response ok(String contentType, byte[] body) {
    return new Response(200, Map.of("Content-Type", contentType), body);
  }

  public static Response text(String body) {
    return ok(TEXT, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Notary answers a successful update or delete with 200 and no body or content type. */
  public static Response empty() {
    return new Response(200, Map.of(), new byte[0]);
  }

  public Response withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Response(status, h, body);
  }
}
