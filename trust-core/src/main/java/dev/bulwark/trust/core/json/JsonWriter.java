package dev.bulwark.trust.core.json;

/**
 * Compact JSON for files that any JSON parser must read: the same syntax as {@link CanonicalJson}
 * but control characters (below U+0020) are escaped as RFC 8259 requires. Use this for metadata
 * files and other documents written to disk or the wire; sign over {@link CanonicalJson} only.
 */
public final class JsonWriter {
  private JsonWriter() {}

  /** Compact JSON keeping each object's member order. */
  public static byte[] compact(JsonValue value) {
    return CanonicalJson.encode(value, false, true);
  }

  /** Compact JSON with object members sorted by code point (canonical order). */
  public static byte[] compactSorted(JsonValue value) {
    return CanonicalJson.encode(value, true, true);
  }
}
