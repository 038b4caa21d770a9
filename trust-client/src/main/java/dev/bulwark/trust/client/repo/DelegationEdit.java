package dev.bulwark.trust.client.repo;

import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.json.CanonicalJson;
import dev.bulwark.trust.core.json.JsonArray;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonReader;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payload of a delegation change: keys to add or remove, paths to add or remove, a new
 * threshold (0 = unchanged).
 */
public record DelegationEdit(
    Map<String, Key> addKeys,
    List<String> removeKeys,
    List<String> addPaths,
    List<String> removePaths,
    boolean clearPaths,
    int threshold) {
  public DelegationEdit {
    addKeys = Map.copyOf(addKeys);
    removeKeys = List.copyOf(removeKeys);
    addPaths = List.copyOf(addPaths);
    removePaths = List.copyOf(removePaths);
    if (threshold < 0) {
      throw new IllegalArgumentException("threshold must be >= 1, was " + threshold);
    }
  }

  byte[] encode() {
    JsonObject.Builder keys = JsonObject.builder();
    addKeys.forEach((id, k) -> keys.put(id, k.json()));
    return CanonicalJson.encode(
        JsonObject.builder()
            .put("add_keys", keys.build())
            .put("remove_keys", JsonArray.ofStrings(removeKeys))
            .put("add_paths", JsonArray.ofStrings(addPaths))
            .put("remove_paths", JsonArray.ofStrings(removePaths))
            .put("clear_paths", clearPaths)
            .put("threshold", threshold)
            .build());
  }

  static DelegationEdit decode(byte[] json, String where) throws RepoException {
    try {
      JsonFields f = JsonFields.of(JsonReader.parseObject(json), where);
      Map<String, Key> keys = new LinkedHashMap<>();
      JsonFields k = f.object("add_keys");
      for (String id : k.object().members().keySet()) {
        keys.put(id, Key.parse(Dialect.NOTARY, k.object(id).object(), k.where(id)));
      }
      return new DelegationEdit(
          keys,
          f.strings("remove_keys", false),
          f.strings("add_paths", false),
          f.strings("remove_paths", false),
          f.bool("clear_paths"),
          (int) f.integer("threshold", 0));
    } catch (MalformedMetadataException | IllegalArgumentException e) {
      throw new RepoException(where + ": bad delegation change (" + e.getMessage() + ")", e);
    }
  }
}
