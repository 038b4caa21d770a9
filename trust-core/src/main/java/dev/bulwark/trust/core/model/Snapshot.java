package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Snapshot metadata (TUF §4.4): the version (and optionally length/hashes) of every targets role.
 * {@link #meta()} is keyed by <em>role name</em> ({@code "targets"}, {@code "targets/releases"}),
 * whatever the dialect's file keys look like.
 */
public record Snapshot(
    long version,
    Instant expires,
    Optional<String> specVersion,
    Map<String, MetaFile> meta,
    JsonObject unrecognized)
    implements Signed {

  private static final Set<String> KNOWN =
      Set.of("_type", "spec_version", "version", "expires", "meta");

  public Snapshot {
    SignedHeader.check(version, expires);
    meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
  }

  @Override
  public RoleType roleType() {
    return RoleType.SNAPSHOT;
  }

  /** The entry for a role name. */
  public Optional<MetaFile> metaFor(String roleName) {
    return Optional.ofNullable(meta.get(roleName));
  }

  static Snapshot parse(Dialect dialect, JsonFields f) throws MalformedMetadataException {
    SignedHeader h = SignedHeader.parse(dialect, RoleType.SNAPSHOT, f);
    JsonFields mf = f.object("meta");
    Map<String, MetaFile> meta = new LinkedHashMap<>();
    for (String key : mf.object().members().keySet()) {
      String role = dialect.roleNameOfMetaKey(key);
      // Two keys for one role ("targets.json" and "targets") would let either silently win.
      if (meta.containsKey(role)) {
        throw new MalformedMetadataException(
            mf.where(key) + ": expected one entry per role, found a second one for role " + role);
      }
      meta.put(role, MetaFile.parse(dialect, mf.object(key)));
    }
    return new Snapshot(h.version(), h.expires(), h.specVersion(), meta, f.unknown(KNOWN));
  }

  @Override
  public JsonObject toJson(Dialect dialect) {
    JsonObject.Builder m = JsonObject.builder();
    meta.forEach((role, file) -> m.put(dialect.metaKey(role), file.toJson(dialect)));
    return SignedHeader.write(dialect, RoleType.SNAPSHOT, version, expires, specVersion)
        .put("meta", m.build())
        .putAbsent(unrecognized)
        .build();
  }
}
