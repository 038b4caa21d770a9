package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.crypto.Digests;
import dev.bulwark.trust.core.error.HashMismatchException;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Hashes by algorithm name ({@code sha256}, {@code sha512}, …), held as lower-case hex whatever the
 * dialect's file encoding. Unknown algorithms are kept but never count as a match.
 */
public record Hashes(Map<String, String> hex) {
  public static final Hashes NONE = new Hashes(Map.of());

  public Hashes {
    TreeMap<String, String> copy = new TreeMap<>();
    hex.forEach((alg, h) -> copy.put(alg, h.toLowerCase(java.util.Locale.ROOT)));
    hex = Collections.unmodifiableMap(copy);
  }

  /** sha256 and sha512 of {@code data}. */
  public static Hashes of(byte[] data) {
    HexFormat h = HexFormat.of();
    return new Hashes(
        Map.of(
            "sha256",
            h.formatHex(Digests.sha256(data)),
            "sha512",
            h.formatHex(Digests.sha512(data))));
  }

  /** Only the sha256 of {@code data}. */
  public static Hashes sha256(byte[] data) {
    return new Hashes(Map.of("sha256", Digests.sha256Hex(data)));
  }

  public boolean isEmpty() {
    return hex.isEmpty();
  }

  public Optional<byte[]> get(String algorithm) {
    return Optional.ofNullable(hex.get(algorithm)).map(HexFormat.of()::parseHex);
  }

  static Hashes parse(Dialect dialect, JsonFields f) throws MalformedMetadataException {
    TreeMap<String, String> out = new TreeMap<>();
    for (String alg : f.object().members().keySet()) {
      String text = f.string(alg);
      try {
        out.put(alg, HexFormat.of().formatHex(dialect.decodeBinary(text)));
      } catch (IllegalArgumentException e) {
        throw new MalformedMetadataException(
            f.where(alg)
                + ": expected a "
                + (dialect == Dialect.TUF ? "hex" : "base64")
                + " digest, found \""
                + text
                + "\"");
      }
    }
    return new Hashes(out);
  }

  public JsonObject toJson(Dialect dialect) {
    JsonObject.Builder b = JsonObject.builder();
    hex.forEach((alg, h) -> b.put(alg, dialect.encodeBinary(HexFormat.of().parseHex(h))));
    return b.build();
  }

  /**
   * TUF 5.5.2 / 5.6.2 / 5.7.3: every listed algorithm we support must match, and at least one must
   * be supported. {@code what} names the file in the error.
   */
  public void verify(byte[] data, String what) throws HashMismatchException {
    int checked = 0;
    for (Map.Entry<String, String> e : hex.entrySet()) {
      Optional<String> jdk = Digests.jdkName(e.getKey());
      if (jdk.isEmpty()) {
        continue;
      }
      byte[] actual = Digests.digest(jdk.get(), data);
      if (!MessageDigest.isEqual(actual, HexFormat.of().parseHex(e.getValue()))) {
        throw new HashMismatchException(
            what
                + ": expected "
                + e.getKey()
                + " "
                + e.getValue()
                + ", found "
                + HexFormat.of().formatHex(actual));
      }
      checked++;
    }
    if (checked == 0) {
      throw new HashMismatchException(
          what + ": expected at least one supported hash (sha256, sha512), found " + hex.keySet());
    }
  }
}
