package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.error.HashMismatchException;
import dev.bulwark.trust.core.error.LengthMismatchException;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import java.util.OptionalLong;

/**
 * A {@code meta} entry of timestamp or snapshot: the version (required by TUF, absent in Notary),
 * and optionally the length and hashes of the referenced file's bytes.
 */
public record MetaFile(OptionalLong version, OptionalLong length, Hashes hashes) {
  public MetaFile {
    if (version.isPresent() && version.getAsLong() < 1) {
      throw new IllegalArgumentException("version must be >= 1");
    }
    if (length.isPresent() && length.getAsLong() < 0) {
      throw new IllegalArgumentException("length must be >= 0");
    }
  }

  /** TUF style: version only. */
  public static MetaFile ofVersion(long version) {
    return new MetaFile(OptionalLong.of(version), OptionalLong.empty(), Hashes.NONE);
  }

  /** Version, length, sha256 and sha512 of {@code raw}. */
  public static MetaFile of(long version, byte[] raw) {
    return new MetaFile(OptionalLong.of(version), OptionalLong.of(raw.length), Hashes.of(raw));
  }

  /** Notary style: length, sha256 and sha512 of {@code raw}, no version. */
  public static MetaFile ofBytes(byte[] raw) {
    return new MetaFile(OptionalLong.empty(), OptionalLong.of(raw.length), Hashes.of(raw));
  }

  static MetaFile parse(Dialect dialect, JsonFields f) throws MalformedMetadataException {
    OptionalLong version =
        dialect == Dialect.TUF || f.has("version")
            ? OptionalLong.of(f.integer("version", 1))
            : OptionalLong.empty();
    OptionalLong length =
        f.has("length") ? OptionalLong.of(f.integer("length", 0)) : OptionalLong.empty();
    Hashes hashes = f.has("hashes") ? Hashes.parse(dialect, f.object("hashes")) : Hashes.NONE;
    return new MetaFile(version, length, hashes);
  }

  public JsonObject toJson(Dialect dialect) {
    JsonObject.Builder b = JsonObject.builder();
    if (!hashes.isEmpty()) {
      b.put("hashes", hashes.toJson(dialect));
    }
    length.ifPresent(l -> b.put("length", l));
    version.ifPresent(v -> b.put("version", v));
    return b.build();
  }

  /** TUF 5.5.2 / 5.6.2: the bytes must have the listed length and hashes (when listed). */
  public void verify(byte[] raw, String what)
      throws LengthMismatchException, HashMismatchException {
    if (length.isPresent() && raw.length != length.getAsLong()) {
      throw new LengthMismatchException(
          what + ": expected " + length.getAsLong() + " bytes, found " + raw.length);
    }
    if (!hashes.isEmpty()) {
      hashes.verify(raw, what);
    }
  }
}
