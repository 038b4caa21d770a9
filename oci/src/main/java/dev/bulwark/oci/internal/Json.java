package dev.bulwark.oci.internal;

import dev.bulwark.oci.ImageFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Strict JSON reading for image documents: duplicate keys refused, types checked per field. */
public final class Json {
  public static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private Json() {}

  /** Parses {@code bytes} as one JSON object; {@code what} names the document in errors. */
  public static JsonNode object(byte[] bytes, String what) throws ImageFormatException {
    JsonNode node;
    try {
      node = MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      throw new ImageFormatException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new ImageFormatException(what + " must be a JSON object");
    }
    return node;
  }

  public static String requiredString(JsonNode node, String field, String where)
      throws ImageFormatException {
    JsonNode v = node.get(field);
    if (v == null || !v.isString()) {
      throw new ImageFormatException(where + ": field '" + field + "' must be a string");
    }
    return v.stringValue();
  }

  public static String optionalString(JsonNode node, String field, String where)
      throws ImageFormatException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      throw new ImageFormatException(where + ": field '" + field + "' must be a string");
    }
    return v.stringValue();
  }

  public static long requiredLong(JsonNode node, String field, String where)
      throws ImageFormatException {
    JsonNode v = node.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new ImageFormatException(where + ": field '" + field + "' must be an integer");
    }
    return v.longValue();
  }

  /** The elements of an array field; an absent or null field is an empty list. */
  public static List<JsonNode> array(JsonNode node, String field, String where)
      throws ImageFormatException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new ImageFormatException(where + ": field '" + field + "' must be an array");
    }
    List<JsonNode> out = new ArrayList<>();
    v.forEach(out::add);
    return out;
  }

  /** An array of strings; absent or null is {@code null} (distinct from empty). */
  public static List<String> stringList(JsonNode node, String field, String where)
      throws ImageFormatException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : array(node, field, where)) {
      if (!e.isString()) {
        throw new ImageFormatException(where + ": field '" + field + "' must hold strings");
      }
      out.add(e.stringValue());
    }
    return out;
  }

  /** A string-to-string object; absent or null is empty. */
  public static Map<String, String> stringMap(JsonNode node, String field, String where)
      throws ImageFormatException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Map.of();
    }
    if (!v.isObject()) {
      throw new ImageFormatException(where + ": field '" + field + "' must be an object");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      if (!e.getValue().isString()) {
        throw new ImageFormatException(
            where + ": " + field + "['" + e.getKey() + "'] must be a string");
      }
      out.put(e.getKey(), e.getValue().stringValue());
    }
    return out;
  }
}
