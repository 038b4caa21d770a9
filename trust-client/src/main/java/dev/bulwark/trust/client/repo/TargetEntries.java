package dev.bulwark.trust.client.repo;

import dev.bulwark.trust.core.error.JsonSyntaxException;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.json.CanonicalJson;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonReader;
import dev.bulwark.trust.core.json.JsonValue;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Hashes;
import dev.bulwark.trust.core.model.TargetFile;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Target entries as stored in change files: the Notary {@code targets} entry JSON. */
public final class TargetEntries {
  private TargetEntries() {}

  /**
   * A target entry from its hashes (hex) and length; {@code custom} is canonicalised here, which
   * fixes Notary issue #1411 (unsorted custom data signed as-is, refused by every verifier).
   */
  public static TargetFile of(
      long length, Map<String, String> hexHashes, Optional<JsonValue> custom) {
    if (!hexHashes.containsKey("sha256") && !hexHashes.containsKey("sha512")) {
      throw new IllegalArgumentException("a target needs a sha256 or sha512 hash");
    }
    hexHashes.forEach(
        (alg, hex) -> {
          int want = alg.equals("sha256") ? 64 : alg.equals("sha512") ? 128 : -1;
          if (want < 0 || hex.length() != want || !hex.matches("[0-9a-fA-F]+")) {
            throw new IllegalArgumentException(
                "--"
                    + alg
                    + " must be "
                    + (want < 0 ? "sha256 or sha512" : want + " hex digits")
                    + ", was '"
                    + hex
                    + "'");
          }
        });
    return new TargetFile(length, new Hashes(hexHashes), custom, JsonObject.EMPTY);
  }

  /** Parses custom data given by the user (any JSON value). */
  public static JsonValue parseCustom(byte[] json) throws RepoException {
    try {
      return JsonReader.parse(json);
    } catch (JsonSyntaxException e) {
      throw new RepoException("custom data is not valid JSON: " + e.getMessage(), e);
    }
  }

  static byte[] encode(TargetFile t) {
    return CanonicalJson.encode(t.toJson(Dialect.NOTARY));
  }

  static TargetFile decode(byte[] json, String where) throws RepoException {
    try {
      JsonFields f = JsonFields.of(JsonReader.parseObject(json), where);
      Map<String, String> hex = new TreeMap<>();
      JsonFields h = f.object("hashes");
      for (String alg : h.object().members().keySet()) {
        hex.put(alg, HexFormat.of().formatHex(Base64.getDecoder().decode(h.string(alg))));
      }
      Optional<JsonValue> custom =
          f.has("custom") ? Optional.of(f.value("custom")) : Optional.empty();
      return new TargetFile(f.integer("length", 0), new Hashes(hex), custom, JsonObject.EMPTY);
    } catch (MalformedMetadataException | IllegalArgumentException e) {
      throw new RepoException(where + ": bad target entry (" + e.getMessage() + ")", e);
    }
  }
}
