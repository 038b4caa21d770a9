package dev.bulwark.trust.core.json;

import java.math.BigInteger;

/** An immutable JSON value. Numbers are integers only (signed metadata never carries floats). */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBool, JsonNull {

  /** A short name of this value's kind for error messages: "object", "string", … */
  String kind();

  static JsonString of(String value) {
    return new JsonString(value);
  }

  static JsonNumber of(long value) {
    return new JsonNumber(BigInteger.valueOf(value));
  }

  static JsonBool of(boolean value) {
    return JsonBool.of(value);
  }
}
