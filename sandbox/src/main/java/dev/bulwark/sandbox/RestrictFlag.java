package dev.bulwark.sandbox;

import java.util.Set;

/** Flags of {@code landlock_restrict_self} controlling audit logging of denials (ABI 7). */
public enum RestrictFlag {
  /** Do not log denials while the domain's creator still runs the same executable. */
  LOG_SAME_EXEC_OFF(0),
  /** Also log denials after {@code execve} (what a launcher wants when debugging a policy). */
  LOG_NEW_EXEC_ON(1),
  /** Mute denials of nested domains. */
  LOG_SUBDOMAINS_OFF(2);

  private final int bit;

  RestrictFlag(int bit) {
    this.bit = bit;
  }

  public long mask() {
    return 1L << bit;
  }

  public Abi since() {
    return Abi.V7;
  }

  static long maskOf(Set<RestrictFlag> flags) {
    long m = 0;
    for (RestrictFlag f : flags) {
      m |= f.mask();
    }
    return m;
  }
}
