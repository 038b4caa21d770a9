package dev.bulwark.sandbox;

/** How much of a policy the kernel enforces. */
public enum EnforcementStatus {
  FULLY_ENFORCED,
  PARTIALLY_ENFORCED,
  NOT_ENFORCED
}
