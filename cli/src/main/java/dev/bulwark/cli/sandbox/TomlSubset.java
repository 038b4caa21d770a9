package dev.bulwark.cli.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader for the part of TOML that landlockconfig files use: comments, {@code key = value},
 * {@code [table]} and {@code [[array-of-tables]]} headers (dotted names not supported), and values
 * that are basic or literal strings, integers, booleans and (multi-line) arrays of them. Anything
 * else is an error naming the line.
 */
final class TomlSubset {
  private final String text;
  private final String where;
  private int pos;
  private int line = 1;

  private TomlSubset(String text, String where) {
    this.text = text;
    this.where = where;
  }

  static Map<String, Object> parse(String text, String where) {
    return new TomlSubset(text, where).document();
  }

  private Map<String, Object> document() {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> current = root;
    while (true) {
      skipBlank(true);
      if (pos >= text.length()) {
        return root;
      }
      if (text.startsWith("[[", pos)) {
        pos += 2;
        String name = bareKey();
        expect("]]");
        current = new LinkedHashMap<>();
        arrayOfTables(root, name).add(current);
      } else if (text.charAt(pos) == '[') {
        pos++;
        String name = bareKey();
        expect("]");
        current = new LinkedHashMap<>();
        put(root, name, current);
      } else {
        String key = bareKey();
        skipBlank(false);
        expect("=");
        skipBlank(false);
        put(current, key, value());
      }
      endOfLine();
    }
  }

  @SuppressWarnings("unchecked")
  private List<Object> arrayOfTables(Map<String, Object> root, String name) {
    Object existing = root.computeIfAbsent(name, k -> new ArrayList<>());
    if (!(existing instanceof List<?>)) {
      throw error("\"" + name + "\" is both a table and an array of tables");
    }
    return (List<Object>) existing;
  }

  private void put(Map<String, Object> table, String key, Object value) {
    if (table.putIfAbsent(key, value) != null) {
      throw error("duplicate key \"" + key + "\"");
    }
  }

  private Object value() {
    if (pos >= text.length()) {
      throw error("expected a value");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '"' -> basicString();
      case '\'' -> literalString();
      case '[' -> array();
      default -> scalar();
    };
  }

  private List<Object> array() {
    pos++;
    List<Object> out = new ArrayList<>();
    while (true) {
      skipBlank(true);
      if (peek(']')) {
        pos++;
        return out;
      }
      out.add(value());
      skipBlank(true);
      if (peek(',')) {
        pos++;
      } else if (!peek(']')) {
        throw error("expected ',' or ']' in an array");
      }
    }
  }

  private Object scalar() {
    int start = pos;
    while (pos < text.length()
        && "_+-0123456789abcdefghijklmnopqrstuvwxyz".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    String s = text.substring(start, pos);
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    try {
      return Long.parseLong(s.replace("_", ""));
    } catch (NumberFormatException e) {
      throw error("unsupported value \"" + s + "\" (strings, integers, booleans and arrays only)");
    }
  }

  private String basicString() {
    pos++;
    StringBuilder b = new StringBuilder();
    while (pos < text.length() && text.charAt(pos) != '"') {
      char c = text.charAt(pos++);
      if (c == '\n') {
        throw error("unterminated string");
      }
      if (c == '\\' && pos < text.length()) {
        char e = text.charAt(pos++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case '"', '\\' -> b.append(e);
          case 'u' -> {
            b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> throw error("unsupported escape \\" + e);
        }
      } else {
        b.append(c);
      }
    }
    expect("\"");
    return b.toString();
  }

  private String literalString() {
    int end = text.indexOf('\'', pos + 1);
    int nl = text.indexOf('\n', pos + 1);
    if (end < 0 || (nl >= 0 && nl < end)) {
      throw error("unterminated string");
    }
    String s = text.substring(pos + 1, end);
    pos = end + 1;
    return s;
  }

  private String bareKey() {
    skipBlank(false);
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || "_-".indexOf(text.charAt(pos)) >= 0)) {
      pos++;
    }
    if (start == pos) {
      throw error("expected a key");
    }
    String k = text.substring(start, pos);
    skipBlank(false);
    return k;
  }

  private void skipBlank(boolean newlines) {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '#') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n')) {
        if (c == '\n') {
          line++;
        }
        pos++;
      } else {
        return;
      }
    }
  }

  private void endOfLine() {
    skipBlank(false);
    if (pos < text.length() && text.charAt(pos) != '\n') {
      throw error("unexpected text after a value");
    }
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(String s) {
    if (!text.startsWith(s, pos)) {
      throw error("expected '" + s + "'");
    }
    pos += s.length();
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(where + ":" + line + ": " + what);
  }
}
