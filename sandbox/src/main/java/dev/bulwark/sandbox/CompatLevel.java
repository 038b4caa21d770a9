package dev.bulwark.sandbox;

/** What to do when the running kernel cannot enforce everything a policy asks for. */
public enum CompatLevel {
  /** Enforce what the kernel supports, drop the rest, report {@code PARTIALLY_ENFORCED}. */
  BEST_EFFORT,
  /**
   * All or nothing: if anything is unsupported, enforce nothing and report {@code NOT_ENFORCED}.
   */
  SOFT_REQUIREMENT,
  /** Anything unsupported (or a missing path) is an error; nothing runs unconfined. */
  HARD_REQUIREMENT
}
