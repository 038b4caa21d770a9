package dev.bulwark.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The outcome of enforcing a ruleset. Callers must look at {@link #status()}: under best effort a
 * sandbox may enforce only part of the policy, or nothing.
 *
 * @param status fully, partially or not enforced
 * @param kernel what the kernel offers
 * @param droppedFs handled rights the kernel does not know (not enforced)
 * @param droppedNet handled network rights the kernel does not know
 * @param droppedScopes scopes the kernel does not know
 * @param droppedFlags logging flags the kernel does not know (no effect on confinement)
 * @param skippedPaths path rules that could not be added (less is allowed, never more)
 */
public record RestrictionStatus(
    EnforcementStatus status,
    KernelSupport kernel,
    Set<AccessFs> droppedFs,
    Set<AccessNet> droppedNet,
    Set<Scope> droppedScopes,
    Set<RestrictFlag> droppedFlags,
    List<SkippedPath> skippedPaths) {
  public RestrictionStatus {
    droppedFs = Set.copyOf(droppedFs);
    droppedNet = Set.copyOf(droppedNet);
    droppedScopes = Set.copyOf(droppedScopes);
    droppedFlags = Set.copyOf(droppedFlags);
    skippedPaths = List.copyOf(skippedPaths);
  }

  /** True when everything the policy asked for is enforced. */
  public boolean isFullyEnforced() {
    return status == EnforcementStatus.FULLY_ENFORCED;
  }

  RestrictionStatus withDroppedFlags(Set<RestrictFlag> flags) {
    return new RestrictionStatus(
        status, kernel, droppedFs, droppedNet, droppedScopes, flags, skippedPaths);
  }

  RestrictionStatus withSkippedPaths(List<SkippedPath> paths) {
    return new RestrictionStatus(
        status, kernel, droppedFs, droppedNet, droppedScopes, droppedFlags, paths);
  }

  /** One line for humans, e.g. for a warning on partial enforcement. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    parts.add(status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    parts.add(kernel.describe());
    if (!droppedFs.isEmpty()) {
      parts.add("unsupported fs rights " + droppedFs);
    }
    if (!droppedNet.isEmpty()) {
      parts.add("unsupported net rights " + droppedNet);
    }
    if (!droppedScopes.isEmpty()) {
      parts.add("unsupported scopes " + droppedScopes);
    }
    if (!droppedFlags.isEmpty()) {
      parts.add("unsupported log flags " + droppedFlags);
    }
    for (SkippedPath p : skippedPaths) {
      parts.add("skipped " + p.path() + " (" + p.reason() + ")");
    }
    return String.join("; ", parts);
  }
}
