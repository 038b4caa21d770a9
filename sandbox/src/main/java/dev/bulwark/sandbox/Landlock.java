package dev.bulwark.sandbox;

import dev.bulwark.sandbox.internal.SyscallTable;
import dev.bulwark.sandbox.internal.Syscalls;

/** Kernel feature detection: ABI version and errata. */
public final class Landlock {
  private static final long CREATE_RULESET_VERSION = 1L << 0;
  private static final long CREATE_RULESET_ERRATA = 1L << 1;
  private static volatile KernelSupport cached;

  private Landlock() {}

  /** Queries the kernel once and caches the answer for the life of the JVM. */
  public static KernelSupport kernelSupport() {
    KernelSupport k = cached;
    if (k == null) {
      k = query();
      cached = k;
    }
    return k;
  }

  private static KernelSupport query() {
    if (Syscalls.table().isEmpty()) {
      return new KernelSupport(KernelSupport.Availability.UNSUPPORTED_ARCHITECTURE, 0, 0);
    }
    long v = Syscalls.call(SyscallTable.LANDLOCK_CREATE_RULESET, 0, 0, CREATE_RULESET_VERSION);
    if (v == -Errno.EOPNOTSUPP) {
      return new KernelSupport(KernelSupport.Availability.DISABLED, 0, 0);
    }
    if (v <= 0) {
      return new KernelSupport(KernelSupport.Availability.NOT_IMPLEMENTED, 0, 0);
    }
    // Errata query (ABI 7, back-ported); EINVAL on kernels that predate it.
    long e = Syscalls.call(SyscallTable.LANDLOCK_CREATE_RULESET, 0, 0, CREATE_RULESET_ERRATA);
    return new KernelSupport(KernelSupport.Availability.AVAILABLE, (int) v, e < 0 ? 0 : (int) e);
  }
}
