package dev.bulwark.builder.layer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Normalises tar entry names and refuses names that could leave the image root. */
final class EntryPath {
  static final int MAX_PATH_BYTES = 4096;
  static final int MAX_COMPONENT_BYTES = 255;

  private EntryPath() {}

  /**
   * {@code ./a//b/} becomes {@code a/b}; the root itself becomes the empty string. Absolute names,
   * {@code ..} components, NUL and over-long names are refused.
   */
  static String normalize(String raw, String what) throws LayerException {
    if (raw == null || raw.isEmpty()) {
      throw new LayerException(what + ": entry with an empty name");
    }
    if (raw.indexOf('\0') >= 0) {
      throw new LayerException(what + ": entry name contains NUL: " + printable(raw));
    }
    if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
      throw new LayerException(what + ": entry name longer than " + MAX_PATH_BYTES + " bytes");
    }
    if (raw.startsWith("/")) {
      throw new LayerException(what + ": absolute path " + printable(raw) + " is not allowed");
    }
    List<String> parts = new ArrayList<>();
    for (String part : raw.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        throw new LayerException(what + ": path traversal in " + printable(raw));
      }
      if (part.getBytes(StandardCharsets.UTF_8).length > MAX_COMPONENT_BYTES) {
        throw new LayerException(
            what + ": name component longer than 255 bytes in " + printable(raw));
      }
      parts.add(part);
    }
    return String.join("/", parts);
  }

  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  static String base(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  static String child(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }

  /** Strict ancestors of {@code path}, nearest to the root first ({@code a}, {@code a/b}). */
  static List<String> ancestors(String path) {
    List<String> out = new ArrayList<>();
    int i = path.indexOf('/');
    while (i >= 0) {
      out.add(path.substring(0, i));
      i = path.indexOf('/', i + 1);
    }
    return out;
  }

  static String printable(String s) {
    String cut = s.length() > 200 ? s.substring(0, 200) + "..." : s;
    StringBuilder b = new StringBuilder("'");
    cut.codePoints()
        .forEach(
            c ->
                b.append(
                    c < 0x20 || c == 0x7f ? String.format("\\x%02x", c) : Character.toString(c)));
    return b.append('\'').toString();
  }
}
