package dev.bulwark.trust.core.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The canonical JSON that TUF (OLPC, securesystemslib {@code encode_canonical}) and Notary ({@code
 * docker/go/canonical/json}) sign over. Both agree: no insignificant whitespace; object members
 * sorted by key in code-point order (equal to UTF-8 byte order, which Notary uses); strings escape
 * only {@code "} and {@code \} and emit everything else raw as UTF-8; integers only; arrays keep
 * their order. {@link #encodeInOrder} writes the same syntax without sorting (Notary's envelope).
 */
public final class CanonicalJson {
  /** Orders strings by Unicode code point (not by UTF-16 unit). */
  public static final Comparator<String> CODE_POINT_ORDER = CanonicalJson::compareCodePoints;

  private CanonicalJson() {}

  /** Canonical UTF-8 bytes of {@code value}. */
  public static byte[] encode(JsonValue value) {
    return encode(value, true, false);
  }

  /**
   * Compact JSON with or without sorted keys. With {@code escapeControls}, characters below U+0020
   * are escaped as RFC 8259 requires (for files other parsers must read); canonical form leaves
   * them raw.
   */
  static byte[] encode(JsonValue value, boolean sort, boolean escapeControls) {
    ByteSink out = new ByteSink(256, escapeControls);
    write(value, out, sort);
    return out.toByteArray();
  }

  /** Canonical form as a Java string (for tests and messages). */
  public static String encodeToString(JsonValue value) {
    return new String(encode(value), StandardCharsets.UTF_8);
  }

  /** Compact JSON with canonical escaping, keeping each object's member order as it is. */
  public static byte[] encodeInOrder(JsonValue value) {
    return encode(value, false, false);
  }

  private static void write(JsonValue value, ByteSink out, boolean sort) {
    switch (value) {
      case JsonObject o -> writeObject(o, out, sort);
      case JsonArray a -> {
        out.write('[');
        for (int i = 0; i < a.size(); i++) {
          if (i > 0) {
            out.write(',');
          }
          write(a.get(i), out, sort);
        }
        out.write(']');
      }
      case JsonString s -> writeString(s.value(), out);
      case JsonNumber n -> out.writeAscii(n.value().toString());
      case JsonBool b -> out.writeAscii(b.value() ? "true" : "false");
      case JsonNull ignored -> out.writeAscii("null");
    }
  }

  private static void writeObject(JsonObject o, ByteSink out, boolean sort) {
    List<Map.Entry<String, JsonValue>> entries = new ArrayList<>(o.members().entrySet());
    if (sort) {
      entries.sort(Map.Entry.comparingByKey(CODE_POINT_ORDER));
    }
    out.write('{');
    boolean first = true;
    for (Map.Entry<String, JsonValue> e : entries) {
      if (!first) {
        out.write(',');
      }
      first = false;
      writeString(e.getKey(), out);
      out.write(':');
      write(e.getValue(), out, sort);
    }
    out.write('}');
  }

  // UTF-8 multi-byte sequences only contain bytes >= 0x80, so escaping can work on the encoded
  // bytes. Unpaired surrogates (refused by JsonReader) are encoded by the JDK as '?'.
  private static void writeString(String s, ByteSink out) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.write('"');
    int run = 0;
    for (int i = 0; i < b.length; i++) {
      byte c = b[i];
      boolean escape = c == '"' || c == '\\' || (c >= 0 && c < 0x20 && out.escapeControls);
      if (escape) {
        out.write(b, run, i - run);
        if (c < 0x20) {
          out.writeAscii(controlEscape((char) c));
        } else {
          out.write('\\');
          out.write(c);
        }
        run = i + 1;
      }
    }
    out.write(b, run, b.length - run);
    out.write('"');
  }

  private static String controlEscape(char c) {
    return switch (c) {
      case '\b' -> "\\b";
      case '\f' -> "\\f";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> String.format("\\u%04x", (int) c);
    };
  }

  private static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        return fixup(x) - fixup(y);
      }
    }
    return a.length() - b.length();
  }

  // Maps UTF-16 units so that unit order equals code point order: surrogates (which encode
  // code points above U+FFFF) must sort after U+E000..U+FFFF.
  private static int fixup(char c) {
    if (c >= 0xE000) {
      return c - 0x800;
    }
    if (c >= 0xD800) {
      return c + 0x2000;
    }
    return c;
  }

  /** A growable byte buffer without synchronisation or checked exceptions. */
  private static final class ByteSink {
    private final boolean escapeControls;
    private byte[] buf;
    private int len;

    ByteSink(int capacity, boolean escapeControls) {
      this.buf = new byte[capacity];
      this.escapeControls = escapeControls;
    }

    void write(int b) {
      if (len == buf.length) {
        buf = java.util.Arrays.copyOf(buf, buf.length * 2);
      }
      buf[len++] = (byte) b;
    }

    void write(byte[] b, int off, int n) {
      if (len + n > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
      }
      System.arraycopy(b, off, buf, len, n);
      len += n;
    }

    void writeAscii(String s) {
      for (int i = 0; i < s.length(); i++) {
        write(s.charAt(i));
      }
    }

    byte[] toByteArray() {
      return java.util.Arrays.copyOf(buf, len);
    }
  }
}
