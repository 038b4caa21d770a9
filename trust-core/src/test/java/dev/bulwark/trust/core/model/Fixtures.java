package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Small builders for in-memory metadata used by several tests. */
final class Fixtures {
  static final Instant EXPIRES = Instant.parse("2030-01-01T00:00:00Z");

  private Fixtures() {}

  static Targets targets(long version, Map<String, TargetFile> files) {
    return new Targets(
        version, EXPIRES, Optional.empty(), files, Optional.empty(), JsonObject.EMPTY);
  }

  static Targets targets(long version) {
    return targets(version, Map.of("a.txt", TargetFile.of(new byte[] {1, 2, 3}, Optional.empty())));
  }

  static Timestamp timestamp(long version, MetaFile snapshot) {
    return new Timestamp(version, EXPIRES, Optional.empty(), snapshot, JsonObject.EMPTY);
  }

  static Timestamp timestamp(long version) {
    return timestamp(version, new MetaFile(OptionalLong.of(1), OptionalLong.empty(), Hashes.NONE));
  }

  /** A root giving every top-level role {@code keys} with {@code threshold}. */
  static Root root(long version, List<SigningKey> keys, int threshold) {
    Map<String, Key> keyMap = new java.util.LinkedHashMap<>();
    keys.forEach(k -> keyMap.put(k.keyId(), k.key()));
    List<String> ids = keys.stream().map(SigningKey::keyId).toList();
    Map<String, Role> roles = new java.util.LinkedHashMap<>();
    for (RoleType t : RoleType.values()) {
      roles.put(t.roleName(), new Role(ids, threshold));
    }
    return new Root(version, EXPIRES, Optional.empty(), true, keyMap, roles, JsonObject.EMPTY);
  }
}
