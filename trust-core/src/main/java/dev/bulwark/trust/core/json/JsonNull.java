package dev.bulwark.trust.core.json;

/** JSON {@code null}. */
public enum JsonNull implements JsonValue {
  INSTANCE;

  @Override
  public String kind() {
    return "null";
  }
}
