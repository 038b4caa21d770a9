package dev.bulwark.trust.core.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A JSON array; element order is significant and kept. */
public record JsonArray(List<JsonValue> elements) implements JsonValue {
  public static final JsonArray EMPTY = new JsonArray(List.of());

  public JsonArray {
    elements = List.copyOf(elements);
  }

  /** An array of strings. */
  public static JsonArray ofStrings(Iterable<String> values) {
    List<JsonValue> out = new ArrayList<>();
    for (String v : values) {
      out.add(new JsonString(v));
    }
    return new JsonArray(Collections.unmodifiableList(out));
  }

  public int size() {
    return elements.size();
  }

  public JsonValue get(int index) {
    return elements.get(index);
  }

  @Override
  public String kind() {
    return "array";
  }
}
