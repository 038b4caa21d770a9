package dev.bulwark.trust.core.json;

import dev.bulwark.trust.core.error.MalformedMetadataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A typed, read-only cursor over a {@link JsonObject} whose errors name the field path, e.g. {@code
 * "root.json: signed.roles.root.threshold: expected a number, found string"}.
 */
public record JsonFields(JsonObject object, String path) {

  public static JsonFields of(JsonObject object, String path) {
    return new JsonFields(object, path);
  }

  public String where(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  public boolean has(String name) {
    return object.has(name);
  }

  public JsonValue value(String name) throws MalformedMetadataException {
    return object
        .get(name)
        .orElseThrow(
            () -> new MalformedMetadataException(where(name) + ": required field missing"));
  }

  public String string(String name) throws MalformedMetadataException {
    return asString(value(name), where(name));
  }

  public Optional<String> optString(String name) throws MalformedMetadataException {
    return has(name) ? Optional.of(string(name)) : Optional.empty();
  }

  public long integer(String name) throws MalformedMetadataException {
    return asLong(value(name), where(name));
  }

  /** An integer field that must be at least {@code min}. */
  public long integer(String name, long min) throws MalformedMetadataException {
    long v = integer(name);
    if (v < min) {
      throw new MalformedMetadataException(
          where(name) + ": expected an integer >= " + min + ", found " + v);
    }
    return v;
  }

  public boolean bool(String name) throws MalformedMetadataException {
    JsonValue v = value(name);
    if (v instanceof JsonBool b) {
      return b.value();
    }
    throw typeError(where(name), "a boolean", v);
  }

  public JsonFields object(String name) throws MalformedMetadataException {
    return new JsonFields(asObject(value(name), where(name)), where(name));
  }

  public JsonArray array(String name) throws MalformedMetadataException {
    JsonValue v = value(name);
    if (v instanceof JsonArray a) {
      return a;
    }
    throw typeError(where(name), "an array", v);
  }

  /** An array of strings; with {@code unique}, a repeated element is an error. */
  public List<String> strings(String name, boolean unique) throws MalformedMetadataException {
    JsonArray a = array(name);
    List<String> out = new ArrayList<>(a.size());
    Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < a.size(); i++) {
      String s = asString(a.get(i), where(name) + "[" + i + "]");
      if (unique && !seen.add(s)) {
        throw new MalformedMetadataException(
            where(name) + ": duplicate entry \"" + s + "\" (entries must be unique)");
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  /** The members of this object that are not in {@code known} (kept for re-serialisation). */
  public JsonObject unknown(Set<String> known) {
    JsonObject.Builder b = JsonObject.builder();
    object
        .members()
        .forEach(
            (k, v) -> {
              if (!known.contains(k)) {
                b.put(k, v);
              }
            });
    return b.build();
  }

  public static String asString(JsonValue v, String where) throws MalformedMetadataException {
    if (v instanceof JsonString s) {
      return s.value();
    }
    throw typeError(where, "a string", v);
  }

  public static JsonObject asObject(JsonValue v, String where) throws MalformedMetadataException {
    if (v instanceof JsonObject o) {
      return o;
    }
    throw typeError(where, "an object", v);
  }

  public static long asLong(JsonValue v, String where) throws MalformedMetadataException {
    if (v instanceof JsonNumber n) {
      if (!n.fitsLong()) {
        throw new MalformedMetadataException(where + ": integer out of range: " + n.value());
      }
      return n.value().longValue();
    }
    throw typeError(where, "an integer", v);
  }

  private static MalformedMetadataException typeError(String where, String expected, JsonValue v) {
    return new MalformedMetadataException(where + ": expected " + expected + ", found " + v.kind());
  }
}
