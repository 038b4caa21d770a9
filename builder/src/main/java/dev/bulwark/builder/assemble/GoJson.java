package dev.bulwark.builder.assemble;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes plain values (maps in insertion order, lists, strings, numbers, booleans) exactly as Go's
 * {@code json.MarshalIndent(v, "", " ")} does, HTML escaping included, so LinuxKit's files are
 * reproduced byte for byte.
 */
public final class GoJson {
  private GoJson() {}

  public static byte[] indent(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value, 0);
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(StringBuilder b, Object v, int depth) {
    switch (v) {
      case null -> b.append("null");
      case Map<?, ?> m -> writeMap(b, m, depth);
      case List<?> l -> writeList(b, l, depth);
      case String s -> string(b, s);
      case Boolean x -> b.append(x);
      case Number n -> b.append(n);
      default -> throw new IllegalArgumentException("not a JSON value: " + v.getClass());
    }
  }

  private static void writeMap(StringBuilder b, Map<?, ?> m, int depth) {
    if (m.isEmpty()) {
      b.append("{}");
      return;
    }
    b.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      b.append(first ? "\n" : ",\n");
      first = false;
      pad(b, depth + 1);
      string(b, (String) e.getKey());
      b.append(": ");
      write(b, e.getValue(), depth + 1);
    }
    b.append('\n');
    pad(b, depth);
    b.append('}');
  }

  private static void writeList(StringBuilder b, List<?> l, int depth) {
    if (l.isEmpty()) {
      b.append("[]");
      return;
    }
    b.append('[');
    for (int i = 0; i < l.size(); i++) {
      b.append(i == 0 ? "\n" : ",\n");
      pad(b, depth + 1);
      write(b, l.get(i), depth + 1);
    }
    b.append('\n');
    pad(b, depth);
    b.append(']');
  }

  private static void pad(StringBuilder b, int depth) {
    b.append("    ".repeat(depth));
  }

  static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> b.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
