package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.notary.TargetWithRole;
import dev.bulwark.trust.core.json.CanonicalJson;
import dev.bulwark.trust.core.json.JsonArray;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --json} output of list and lookup: one object per target with {@code name}, {@code digest}
 * ({@code sha256:<hex>}, what Docker pulls by), {@code size}, {@code role}, {@code hashes} (hex)
 * and {@code custom} when present. Keys sorted, no whitespace, one line.
 */
final class TargetJson {
  private TargetJson() {}

  static JsonObject of(TargetWithRole t) {
    JsonObject.Builder hashes = JsonObject.builder();
    t.file().hashes().hex().forEach(hashes::put);
    JsonObject.Builder b =
        JsonObject.builder()
            .put("name", t.name())
            .put("digest", t.sha256Hex().isEmpty() ? "" : "sha256:" + t.sha256Hex())
            .put("size", t.file().length())
            .put("role", t.role())
            .put("hashes", hashes.build());
    t.file().custom().ifPresent(c -> b.put("custom", c));
    return b.build();
  }

  static String list(List<TargetWithRole> targets) {
    List<JsonValue> items = new ArrayList<>();
    targets.forEach(t -> items.add(of(t)));
    return CanonicalJson.encodeToString(new JsonArray(items)) + "\n";
  }

  static String one(TargetWithRole t) {
    return CanonicalJson.encodeToString(of(t)) + "\n";
  }
}
