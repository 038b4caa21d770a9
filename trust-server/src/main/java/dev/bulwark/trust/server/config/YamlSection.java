package dev.bulwark.trust.server.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed access to one YAML mapping that remembers which keys were read. */
final class YamlSection {
  private final String path;
  private final Map<?, ?> map;
  private final Set<String> used = new HashSet<>();

  YamlSection(String path, Object value) throws ConfigException {
    this.path = path;
    if (value == null) {
      this.map = Map.of();
    } else if (value instanceof Map<?, ?> m) {
      this.map = m;
    } else {
      throw new ConfigException("expected a mapping at " + path + ", found " + value, null);
    }
  }

  YamlSection section(String key) throws ConfigException {
    used.add(key);
    return new YamlSection(name(key), map.get(key));
  }

  boolean has(String key) {
    return map.containsKey(key);
  }

  String string(String key, String fallback) throws ConfigException {
    used.add(key);
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    throw new ConfigException("expected a string at " + name(key) + ", found " + v, null);
  }

  long number(String key, long fallback) throws ConfigException {
    String s = string(key, null);
    if (s == null) {
      return fallback;
    }
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException("expected an integer at " + name(key) + ", found " + s, e);
    }
  }

  List<String> strings(String key) throws ConfigException {
    used.add(key);
    Object v = map.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw new ConfigException("expected a list at " + name(key) + ", found " + v, null);
    }
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      out.add(String.valueOf(o));
    }
    return out;
  }

  /** Fails on keys nobody asked for: a typo must not silently become a default. */
  void rejectUnknown() throws ConfigException {
    for (Object k : map.keySet()) {
      if (!used.contains(String.valueOf(k))) {
        throw new ConfigException("unknown configuration key " + name(String.valueOf(k)), null);
      }
    }
  }

  private String name(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
