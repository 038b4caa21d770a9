package dev.bulwark.sandbox;

/**
 * A Landlock ABI version. A policy is pinned to one: rights groups such as {@link
 * AccessFs#all(Abi)} expand to the rights that existed in that ABI, so upgrading the library or the
 * kernel never silently changes what a policy handles.
 */
public enum Abi {
  /** Linux 5.13: filesystem rights bits 0-12. */
  V1(1),
  /** Linux 5.19: {@code REFER}. */
  V2(2),
  /** Linux 6.2: {@code TRUNCATE}. */
  V3(3),
  /** Linux 6.7: TCP bind and connect rules. */
  V4(4),
  /** Linux 6.10: {@code IOCTL_DEV}. */
  V5(5),
  /** Linux 6.12: scopes for abstract unix sockets and signals. */
  V6(6),
  /** Linux 6.15: denial-logging flags of {@code landlock_restrict_self}; errata query. */
  V7(7);

  private final int version;

  Abi(int version) {
    this.version = version;
  }

  /** The kernel's number for this ABI. */
  public int version() {
    return version;
  }

  /** The newest ABI this library knows. */
  public static Abi latest() {
    return V7;
  }

  /**
   * The ABI matching a kernel-reported version; versions newer than {@link #latest()} map to it
   * (the kernel stays backward compatible).
   */
  public static Abi of(int version) {
    if (version < 1) {
      throw new IllegalArgumentException("Landlock ABI versions start at 1, got " + version);
    }
    return values()[Math.min(version, latest().version) - 1];
  }

  /** True when this ABI is at least {@code other}. */
  public boolean atLeast(Abi other) {
    return version >= other.version;
  }
}
