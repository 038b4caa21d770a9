package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code signed} part of a metadata document. Fields not modelled are kept in {@link
 * #unrecognized()} and written back by {@link #toJson(Dialect)}.
 */
public sealed interface Signed permits Root, Timestamp, Snapshot, Targets {
  RoleType roleType();

  /** {@code version}, at least 1. */
  long version();

  Instant expires();

  /** TUF {@code spec_version}; empty in Notary. */
  Optional<String> specVersion();

  /** Top-level members of {@code signed} this model does not know. */
  JsonObject unrecognized();

  /** The {@code signed} object for this dialect (canonicalise it to sign). */
  JsonObject toJson(Dialect dialect);

  /** Expired means: expiry at or before {@code now} (TUF 5.4.4 etc.). */
  default boolean isExpired(Instant now) {
    return !expires().isAfter(now);
  }
}
