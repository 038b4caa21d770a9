package dev.bulwark.oci.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code WWW-Authenticate} header: scheme plus parameters ({@code realm}, {@code service},
 * {@code scope}). Quoted values may contain commas and escaped quotes.
 */
record BearerChallenge(String scheme, Map<String, String> params) {
  BearerChallenge {
    params = Map.copyOf(params);
  }

  static Optional<BearerChallenge> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String h = header.trim();
    int space = h.indexOf(' ');
    String scheme = (space < 0 ? h : h.substring(0, space)).toLowerCase(Locale.ROOT);
    Map<String, String> params = new LinkedHashMap<>();
    int i = space < 0 ? h.length() : space + 1;
    while (i < h.length()) {
      while (i < h.length() && (h.charAt(i) == ' ' || h.charAt(i) == ',')) {
        i++;
      }
      int eq = h.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String key = h.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      StringBuilder value = new StringBuilder();
      i = readValue(h, eq + 1, value);
      params.put(key, value.toString());
    }
    return Optional.of(new BearerChallenge(scheme, params));
  }

  private static int readValue(String h, int start, StringBuilder value) {
    int i = start;
    if (i < h.length() && h.charAt(i) == '"') {
      i++;
      while (i < h.length() && h.charAt(i) != '"') {
        if (h.charAt(i) == '\\' && i + 1 < h.length()) {
          i++;
        }
        value.append(h.charAt(i++));
      }
      return i + 1;
    }
    while (i < h.length() && h.charAt(i) != ',') {
      value.append(h.charAt(i++));
    }
    return i;
  }

  String param(String name) {
    return params.get(name);
  }
}
