package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.error.ThresholdNotMetException;
import dev.bulwark.trust.core.error.VersionMismatchException;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Root metadata (TUF §4.3): the keys and thresholds of the four top-level roles. */
public record Root(
    long version,
    Instant expires,
    Optional<String> specVersion,
    boolean consistentSnapshot,
    Map<String, Key> keys,
    Map<String, Role> roles,
    JsonObject unrecognized)
    implements Signed {

  private static final Set<String> KNOWN =
      Set.of("_type", "spec_version", "version", "expires", "consistent_snapshot", "keys", "roles");

  public Root {
    SignedHeader.check(version, expires);
    keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
    for (RoleType t : RoleType.values()) {
      if (!roles.containsKey(t.roleName())) {
        throw new IllegalArgumentException("root lacks role " + t.roleName());
      }
    }
  }

  @Override
  public RoleType roleType() {
    return RoleType.ROOT;
  }

  /** The keys and threshold of a top-level role. */
  public Role role(RoleType type) {
    return roles.get(type.roleName());
  }

  /**
   * TUF 5.3.4 / 5.4.2 / 5.5.3 / 5.6.3: {@code metadata} must be signed by a threshold of distinct
   * keys that this root assigns to {@code type}. Returns the key IDs that verified.
   */
  public Set<String> verify(RoleType type, Metadata<?> metadata) throws ThresholdNotMetException {
    return metadata.verify(type.roleName(), role(type), keys);
  }

  /**
   * TUF 5.3.4 / 5.3.5 (Notary: research/notary.md §3.6): {@code next} must be signed by a threshold
   * of this root's root keys and by a threshold of its own root keys, and its version must be
   * exactly this version + 1. Expiry is not checked here (5.3.6: intermediate roots may be
   * expired).
   */
  public void verifySuccessor(Metadata<Root> next)
      throws ThresholdNotMetException, VersionMismatchException {
    verify(RoleType.ROOT, next);
    next.signed().verify(RoleType.ROOT, next);
    if (next.signed().version() != version + 1) {
      throw new VersionMismatchException(
          "root: expected version " + (version + 1) + ", found " + next.signed().version());
    }
  }

  static Root parse(Dialect dialect, JsonFields f) throws MalformedMetadataException {
    SignedHeader h = SignedHeader.parse(dialect, RoleType.ROOT, f);
    boolean consistent = f.has("consistent_snapshot") && f.bool("consistent_snapshot");
    Map<String, Key> keys = parseKeys(dialect, f.object("keys"));
    JsonFields rf = f.object("roles");
    Map<String, Role> roles = new LinkedHashMap<>();
    for (String name : rf.object().members().keySet()) {
      roles.put(name, Role.parse(rf.object(name)));
    }
    for (RoleType t : RoleType.values()) {
      if (!roles.containsKey(t.roleName())) {
        throw new MalformedMetadataException(rf.where(t.roleName()) + ": required role missing");
      }
    }
    return new Root(
        h.version(), h.expires(), h.specVersion(), consistent, keys, roles, f.unknown(KNOWN));
  }

  /** Parses a {@code keys} object (root or delegations), keyed by the listed key ID. */
  static Map<String, Key> parseKeys(Dialect dialect, JsonFields f)
      throws MalformedMetadataException {
    Map<String, Key> keys = new LinkedHashMap<>();
    for (String id : f.object().members().keySet()) {
      keys.put(id, Key.parse(dialect, f.object(id).object(), f.where(id)));
    }
    return keys;
  }

  @Override
  public JsonObject toJson(Dialect dialect) {
    JsonObject.Builder b =
        SignedHeader.write(dialect, RoleType.ROOT, version, expires, specVersion);
    b.put("consistent_snapshot", consistentSnapshot);
    JsonObject.Builder k = JsonObject.builder();
    keys.forEach((id, key) -> k.put(id, key.json()));
    JsonObject.Builder r = JsonObject.builder();
    roles.forEach((name, role) -> r.put(name, role.toJson()));
    return b.put("keys", k.build()).put("roles", r.build()).putAbsent(unrecognized).build();
  }
}
