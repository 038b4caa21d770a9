package dev.bulwark.trust.server.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders {@link ApiException}s in Docker registry {@code errcode} JSON form. */
final class Errors {
  private Errors() {}

  static Response render(ApiException e) {
    Map<String, Object> err = new LinkedHashMap<>();
    err.put("code", e.code().name());
    err.put("message", e.code().message());
    if (e.hasDetail()) {
      err.put("detail", e.detail() == null ? Map.of() : e.detail());
    }
    byte[] body = Json.write(Map.of("errors", List.of(err)));
    return new Response(e.code().status(), Map.of("Content-Type", Response.JSON), body);
  }
}
