package dev.bulwark.builder.assemble;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a container's settings: YAML over the image label, key by key (an explicit empty YAML list
 * clears the label's value). {@code capabilities.add} and {@code binds.add} extend the label's
 * lists when YAML does not set the list itself. {@code runtime.bindNS} merges field by field; the
 * other runtime fields are replaced whole.
 */
final class Settings {
  private Settings() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> merge(Map<String, Object> yaml, Map<String, Object> label) {
    Map<String, Object> out = new LinkedHashMap<>(label);
    for (Map.Entry<String, Object> e : yaml.entrySet()) {
      if (e.getKey().equals("runtime") && out.get("runtime") instanceof Map<?, ?> lr) {
        out.put(
            "runtime", mergeRuntime((Map<String, Object>) e.getValue(), (Map<String, Object>) lr));
      } else if (!e.getKey().endsWith(".add")) {
        out.put(e.getKey(), e.getValue());
      }
    }
    add(out, yaml, "capabilities");
    add(out, yaml, "binds");
    out.remove("capabilities.add");
    out.remove("binds.add");
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void add(Map<String, Object> out, Map<String, Object> yaml, String key) {
    Object extra = yaml.get(key + ".add");
    if (extra == null || yaml.containsKey(key)) {
      return;
    }
    List<Object> merged = new ArrayList<>((List<Object>) out.getOrDefault(key, List.of()));
    merged.addAll((List<Object>) extra);
    out.put(key, merged);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mergeRuntime(
      Map<String, Object> yaml, Map<String, Object> label) {
    Map<String, Object> out = new LinkedHashMap<>(label);
    for (Map.Entry<String, Object> e : yaml.entrySet()) {
      if (e.getKey().equals("bindNS") && out.get("bindNS") instanceof Map<?, ?> lb) {
        Map<String, Object> ns = new LinkedHashMap<>((Map<String, Object>) lb);
        ns.putAll((Map<String, Object>) e.getValue());
        out.put("bindNS", ns);
      } else {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static List<String> strings(Map<String, Object> m, String key) {
    return (List<String>) m.get(key);
  }

  @SuppressWarnings("unchecked")
  static <T> List<T> listOf(Map<String, Object> m, String key) {
    return (List<T>) m.getOrDefault(key, List.of());
  }

  static String string(Map<String, Object> m, String key, String otherwise) {
    Object v = m.get(key);
    return v == null ? otherwise : (String) v;
  }
}
