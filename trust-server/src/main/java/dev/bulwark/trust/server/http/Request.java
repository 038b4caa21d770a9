package dev.bulwark.trust.server.http;

import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * One parsed HTTP request: method, decoded path, raw query, headers (case-insensitive names) and
 * the body stream (already limited to the declared length).
 */
public record Request(
    String method, String path, String rawQuery, Map<String, String> headers, InputStream body) {
  public Request {
    TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    headers = java.util.Collections.unmodifiableMap(h);
  }

  public String header(String name) {
    return headers.get(name);
  }
}
