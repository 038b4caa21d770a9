package dev.bulwark.trust.core.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON object. Member order is the order received (or inserted); canonical encoding sorts, so
 * order only matters for non-canonical output such as Notary's envelope.
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
  public static final JsonObject EMPTY = new JsonObject(Map.of());

  public JsonObject {
    LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>(members);
    copy.forEach((k, v) -> Objects.requireNonNull(v, k));
    members = Collections.unmodifiableMap(copy);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<JsonValue> get(String name) {
    return Optional.ofNullable(members.get(name));
  }

  public boolean has(String name) {
    return members.containsKey(name);
  }

  public int size() {
    return members.size();
  }

  /** A builder that starts with this object's members (to add or replace some). */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.members.putAll(members);
    return b;
  }

  @Override
  public String kind() {
    return "object";
  }

  /** Builds objects member by member, keeping insertion order. */
  public static final class Builder {
    private final LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();

    private Builder() {}

    public Builder put(String name, JsonValue value) {
      members.put(Objects.requireNonNull(name), Objects.requireNonNull(value, name));
      return this;
    }

    public Builder put(String name, String value) {
      return put(name, new JsonString(value));
    }

    public Builder put(String name, long value) {
      return put(name, JsonValue.of(value));
    }

    public Builder put(String name, boolean value) {
      return put(name, JsonBool.of(value));
    }

    /** Adds every member of {@code other} that is not already present. */
    public Builder putAbsent(JsonObject other) {
      other.members().forEach(members::putIfAbsent);
      return this;
    }

    public Builder remove(String name) {
      members.remove(name);
      return this;
    }

    public JsonObject build() {
      return new JsonObject(members);
    }
  }
}
