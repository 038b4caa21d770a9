package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.json.JsonArray;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;

/** The keys of a role and how many of them must sign: root's {@code roles} entries. */
public record Role(List<String> keyIds, int threshold) {
  public Role {
    keyIds = List.copyOf(keyIds);
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be >= 1, found " + threshold);
    }
    if (new HashSet<>(keyIds).size() != keyIds.size()) {
      throw new IllegalArgumentException("duplicate key IDs in " + keyIds);
    }
  }

  static Role parse(JsonFields f) throws MalformedMetadataException {
    List<String> ids = f.strings("keyids", true);
    long threshold = f.integer("threshold", 1);
    if (threshold > Integer.MAX_VALUE) {
      throw new MalformedMetadataException(f.where("threshold") + ": too large: " + threshold);
    }
    return new Role(ids, (int) threshold);
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("keyids", JsonArray.ofStrings(keyIds))
        .put("threshold", threshold)
        .build();
  }
}
