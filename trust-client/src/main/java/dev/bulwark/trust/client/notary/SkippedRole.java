package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Targets;
import java.util.Objects;
import java.util.Optional;

/**
 * A delegated targets role left out of a collection because its metadata failed verification in a
 * way the real Notary client tolerates for delegations (never for {@code targets} itself): it is
 * expired, or its valid signatures do not meet the delegation's threshold (for example after one of
 * its keys was revoked). Its targets, and every role delegated below it, are not trusted.
 *
 * @param role the delegation's name
 * @param reason why it failed, as the verifier said it
 * @param kind expired or below threshold
 * @param version the version the server holds (for {@link Kind#THRESHOLD} read from an unverified
 *     document: use it only as the floor the next version must exceed)
 * @param expired the document when {@code kind} is {@link Kind#EXPIRED}: its signatures met the
 *     threshold, so its owner may re-sign it with a new expiry; empty for {@link Kind#THRESHOLD}
 *     (the content is not trusted for anything)
 */
public record SkippedRole(
    String role, String reason, Kind kind, long version, Optional<Metadata<Targets>> expired) {
  /** Why a delegation was skipped. */
  public enum Kind {
    /** Signatures valid, but past its {@code expires}. */
    EXPIRED,
    /** Fewer valid signatures from the delegation's keys than its threshold. */
    THRESHOLD
  }

  public SkippedRole {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(expired, "expired");
    if (version < 1 || version == Long.MAX_VALUE) {
      throw new IllegalArgumentException(role + ": unusable version " + version);
    }
    if (expired.isPresent() != (kind == Kind.EXPIRED)) {
      throw new IllegalArgumentException("only an expired role carries its document: " + role);
    }
  }

  /** One line for a warning, as the real client logs it. */
  public String warning() {
    return "skipped delegation " + role + ": " + reason;
  }
}
