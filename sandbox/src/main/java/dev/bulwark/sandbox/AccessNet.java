package dev.bulwark.sandbox;

import java.util.EnumSet;
import java.util.Set;

/**
 * Network rights ({@code LANDLOCK_ACCESS_NET_*}, ABI 4). Ports only: no addresses, no UDP before
 * ABI 10, and Multipath TCP is not covered by the kernel.
 */
public enum AccessNet {
  /** Bind a TCP socket to a local port. */
  BIND_TCP(0),
  /** Connect a TCP socket to a remote port. */
  CONNECT_TCP(1);

  private final int bit;

  AccessNet(int bit) {
    this.bit = bit;
  }

  public long mask() {
    return 1L << bit;
  }

  /** The ABI that introduced this right. */
  public Abi since() {
    return Abi.V4;
  }

  /** The landlockconfig name, e.g. {@code bind_tcp}. */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Every network right that exists in {@code abi} (empty before ABI 4). */
  public static Set<AccessNet> all(Abi abi) {
    return abi.atLeast(Abi.V4) ? EnumSet.allOf(AccessNet.class) : EnumSet.noneOf(AccessNet.class);
  }

  static long maskOf(Set<AccessNet> rights) {
    long m = 0;
    for (AccessNet a : rights) {
      m |= a.mask();
    }
    return m;
  }
}
