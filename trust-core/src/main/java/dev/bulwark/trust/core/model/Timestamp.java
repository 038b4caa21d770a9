package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Timestamp metadata (TUF §4.6): names the current snapshot. */
public record Timestamp(
    long version,
    Instant expires,
    Optional<String> specVersion,
    MetaFile snapshotMeta,
    JsonObject unrecognized)
    implements Signed {

  private static final Set<String> KNOWN =
      Set.of("_type", "spec_version", "version", "expires", "meta");

  public Timestamp {
    SignedHeader.check(version, expires);
    Objects.requireNonNull(snapshotMeta, "snapshotMeta");
  }

  @Override
  public RoleType roleType() {
    return RoleType.TIMESTAMP;
  }

  static Timestamp parse(Dialect dialect, JsonFields f) throws MalformedMetadataException {
    SignedHeader h = SignedHeader.parse(dialect, RoleType.TIMESTAMP, f);
    JsonFields meta = f.object("meta");
    MetaFile snap = MetaFile.parse(dialect, meta.object(dialect.metaKey("snapshot")));
    return new Timestamp(h.version(), h.expires(), h.specVersion(), snap, f.unknown(KNOWN));
  }

  @Override
  public JsonObject toJson(Dialect dialect) {
    JsonObject meta =
        JsonObject.builder().put(dialect.metaKey("snapshot"), snapshotMeta.toJson(dialect)).build();
    return SignedHeader.write(dialect, RoleType.TIMESTAMP, version, expires, specVersion)
        .put("meta", meta)
        .putAbsent(unrecognized)
        .build();
  }
}
