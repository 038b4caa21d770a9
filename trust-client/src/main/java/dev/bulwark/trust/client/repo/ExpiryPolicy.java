package dev.bulwark.trust.client.repo;

import java.time.Duration;
import java.util.Map;

/**
 * How long newly signed metadata stays valid, per role. Defaults are Notary's ({@code const.go}):
 * root 10 years, targets, delegations and snapshot 3 years (research/notary.md §3.5).
 *
 * @param overrides per role name ({@code root}, {@code targets}, {@code snapshot}, {@code
 *     targets/releases}) or {@code delegation} for every delegated role
 */
public record ExpiryPolicy(Map<String, Duration> overrides) {
  public static final Duration ROOT = Duration.ofDays(10 * 365);
  public static final Duration TARGETS = Duration.ofDays(3 * 365);
  public static final Duration SNAPSHOT = Duration.ofDays(3 * 365);

  public ExpiryPolicy {
    overrides = Map.copyOf(overrides);
    overrides.forEach(
        (role, d) -> {
          if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("expiry of " + role + " must be positive, was " + d);
          }
        });
  }

  public static ExpiryPolicy defaults() {
    return new ExpiryPolicy(Map.of());
  }

  /** The validity period for {@code role}. */
  public Duration forRole(String role) {
    Duration d = overrides.get(role);
    if (d != null) {
      return d;
    }
    if (role.startsWith("targets/") && overrides.containsKey("delegation")) {
      return overrides.get("delegation");
    }
    return switch (role) {
      case "root" -> ROOT;
      case "snapshot" -> SNAPSHOT;
      default -> TARGETS;
    };
  }
}
