package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.error.HashMismatchException;
import dev.bulwark.trust.core.error.LengthMismatchException;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonValue;
import java.util.Optional;
import java.util.Set;

/** A {@code targets} entry: length, hashes, optional {@code custom} data, unknown fields kept. */
public record TargetFile(
    long length, Hashes hashes, Optional<JsonValue> custom, JsonObject unrecognized) {
  private static final Set<String> KNOWN = Set.of("length", "hashes", "custom");

  public TargetFile {
    if (length < 0) {
      throw new IllegalArgumentException("length must be >= 0");
    }
  }

  /** A target describing {@code data} (sha256 + sha512), optionally with custom data. */
  public static TargetFile of(byte[] data, Optional<JsonValue> custom) {
    return new TargetFile(data.length, Hashes.of(data), custom, JsonObject.EMPTY);
  }

  static TargetFile parse(Dialect dialect, JsonFields f) throws MalformedMetadataException {
    Hashes hashes = Hashes.parse(dialect, f.object("hashes"));
    Optional<JsonValue> custom =
        f.has("custom") ? Optional.of(f.value("custom")) : Optional.empty();
    return new TargetFile(f.integer("length", 0), hashes, custom, f.unknown(KNOWN));
  }

  public JsonObject toJson(Dialect dialect) {
    JsonObject.Builder b = JsonObject.builder();
    custom.ifPresent(c -> b.put("custom", c));
    b.put("hashes", hashes.toJson(dialect)).put("length", length);
    return b.putAbsent(unrecognized).build();
  }

  /** TUF 5.7.3: the downloaded bytes must have this length and every supported hash. */
  public void verify(byte[] data, String targetPath)
      throws LengthMismatchException, HashMismatchException {
    if (data.length != length) {
      throw new LengthMismatchException(
          "target " + targetPath + ": expected " + length + " bytes, found " + data.length);
    }
    hashes.verify(data, "target " + targetPath);
  }
}
