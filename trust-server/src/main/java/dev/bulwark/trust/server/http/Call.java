package dev.bulwark.trust.server.http;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;

/** One request as a handler sees it: the matched path parameters, query and body. */
public final class Call {
  private final Request request;
  private final Matcher match;
  private final InputStream body;

  Call(Request request, Matcher match, InputStream body) {
    this.request = request;
    this.match = match;
    this.body = body;
  }

  /** A named group of the route pattern, or {@code null} when the route has none. */
  public String param(String name) {
    try {
      return match.group(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public String gun() {
    return param("gun");
  }

  public String header(String name) {
    return request.header(name);
  }

  /** Query parameters; the first value wins. {@code null} when absent. */
  public String query(String name) {
    return queryMap().get(name);
  }

  private Map<String, String> queryMap() {
    Map<String, String> out = new HashMap<>();
    String raw = request.rawQuery();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(k, v);
    }
    return out;
  }

  /** The request body, cut off with 413 TOO_LARGE past the configured limit. */
  public InputStream body() {
    return body;
  }
}
