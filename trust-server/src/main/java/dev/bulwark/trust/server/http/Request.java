package dev.bulwark.trust.server.http;

import java.io.InputStream;
import java.util.Map;

/**
 * One parsed HTTP request: method, decoded path, raw query, headers (case-insensitive names) and
 * the body stream (already limited to the declared length).
 */
public record Request(
    String method, String path, String rawQuery, Map<String, String> headers, InputStream body) {
  /**
   * @param headers keyed by lower-case name
   */
  public Request {
    headers = java.util.Collections.unmodifiableMap(headers);
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }
}
