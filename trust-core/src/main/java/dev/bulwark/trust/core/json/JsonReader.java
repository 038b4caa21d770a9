package dev.bulwark.trust.core.json;

import dev.bulwark.trust.core.error.JsonSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Strict JSON reader over UTF-8 bytes. Refuses: malformed UTF-8, syntax errors, duplicate object
 * keys, numbers with a fraction or exponent, strings with unpaired surrogates, nesting deeper than
 * {@link #MAX_DEPTH}, and trailing content after the top-level value. Errors carry line and column.
 */
public final class JsonReader {
  /** Deepest nesting accepted (TUF and Notary metadata need fewer than 10 levels). */
  public static final int MAX_DEPTH = 64;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxNumberLength(100)
                  .build())
          // Metadata keys (target paths, key IDs) are mostly unique: interning them costs more
          // than it saves (3x on a 10,000-target refresh).
          .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
          .build();

  private JsonReader() {}

  /** Parses one JSON value from UTF-8 bytes. */
  public static JsonValue parse(byte[] utf8) throws JsonSyntaxException {
    checkUtf8(utf8);
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), utf8)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw error(p, "expected a JSON value, found end of input");
      }
      JsonValue value = readValue(p, first);
      if (p.nextToken() != null) {
        throw error(p, "expected end of input after the top-level value, found more content");
      }
      return value;
    } catch (JacksonException e) {
      TokenStreamLocation loc = e.getLocation();
      throw new JsonSyntaxException(
          "invalid JSON: " + e.getOriginalMessage(),
          loc == null ? 0 : loc.getLineNr(),
          loc == null ? 0 : loc.getColumnNr());
    }
  }

  /** Parses bytes that must hold a JSON object. */
  public static JsonObject parseObject(byte[] utf8) throws JsonSyntaxException {
    JsonValue v = parse(utf8);
    if (v instanceof JsonObject o) {
      return o;
    }
    throw new JsonSyntaxException("expected a JSON object at top level, found " + v.kind(), 1, 1);
  }

  private static JsonValue readValue(JsonParser p, JsonToken t) throws JsonSyntaxException {
    return switch (t) {
      case START_OBJECT -> readObject(p);
      case START_ARRAY -> readArray(p);
      case VALUE_STRING -> new JsonString(checkedString(p, p.getString()));
      case VALUE_NUMBER_INT -> new JsonNumber(p.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT ->
          throw error(p, "expected an integer, found the non-integer number " + p.getString());
      case VALUE_TRUE -> JsonBool.TRUE;
      case VALUE_FALSE -> JsonBool.FALSE;
      case VALUE_NULL -> JsonNull.INSTANCE;
      default -> throw error(p, "unexpected token " + t);
    };
  }

  private static JsonObject readObject(JsonParser p) throws JsonSyntaxException {
    LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
      String name = checkedString(p, p.currentName());
      if (members.containsKey(name)) {
        throw error(p, "duplicate object key \"" + name + "\"");
      }
      members.put(name, readValue(p, p.nextToken()));
    }
    if (t != JsonToken.END_OBJECT) {
      throw error(p, "expected a property name or '}', found " + t);
    }
    return new JsonObject(members);
  }

  private static JsonArray readArray(JsonParser p) throws JsonSyntaxException {
    List<JsonValue> elements = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw error(p, "unterminated array");
      }
      elements.add(readValue(p, t));
    }
    return new JsonArray(elements);
  }

  private static String checkedString(JsonParser p, String s) throws JsonSyntaxException {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw error(p, "string contains an unpaired surrogate at index " + i);
      }
    }
    return s;
  }

  // RFC 8259 §8.1: JSON text is UTF-8. The parser would decode malformed sequences to U+FFFD, so
  // that different bytes could yield the same canonical form (and signature) and other clients
  // would refuse what this one accepts. Refuses truncated, overlong and surrogate encodings.
  private static void checkUtf8(byte[] b) throws JsonSyntaxException {
    int line = 1;
    int lineStart = 0;
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        if (c == '\n') {
          line++;
          lineStart = i + 1;
        }
        i++;
        continue;
      }
      int n = utf8SequenceLength(b, i);
      if (n < 0) {
        throw new JsonSyntaxException(
            "invalid UTF-8 byte sequence at byte offset " + i, line, i - lineStart + 1);
      }
      i += n;
    }
  }

  // Length of the well-formed multi-byte sequence at b[i] (Unicode Table 3-7), or -1.
  private static int utf8SequenceLength(byte[] b, int i) {
    int c = b[i] & 0xff;
    int n;
    int min;
    int max;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 2;
      min = 0x80;
      max = 0xBF;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 3;
      min = c == 0xE0 ? 0xA0 : 0x80; // no overlong forms
      max = c == 0xED ? 0x9F : 0xBF; // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 4;
      min = c == 0xF0 ? 0x90 : 0x80;
      max = c == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
    } else {
      return -1;
    }
    if (i + n > b.length) {
      return -1;
    }
    int second = b[i + 1] & 0xff;
    if (second < min || second > max) {
      return -1;
    }
    for (int k = 2; k < n; k++) {
      int cont = b[i + k] & 0xff;
      if (cont < 0x80 || cont > 0xBF) {
        return -1;
      }
    }
    return n;
  }

  private static JsonSyntaxException error(JsonParser p, String message) {
    TokenStreamLocation loc = p.currentTokenLocation();
    return new JsonSyntaxException(message, loc.getLineNr(), loc.getColumnNr());
  }
}
