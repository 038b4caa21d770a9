package dev.bulwark.sandbox.internal;

/**
 * System call numbers for the architectures the sandbox supports. Landlock's three calls share the
 * asm-generic numbers (444..446) on x86_64 and aarch64; the classic calls differ.
 */
public enum SyscallTable {
  /** x86_64: arch/x86/entry/syscalls/syscall_64.tbl. */
  X86_64(3, 59, 157, 257, 436),
  /** aarch64: include/uapi/asm-generic/unistd.h. */
  AARCH64(57, 221, 167, 56, 436);

  /** landlock_create_ruleset(2), same on every architecture. */
  public static final long LANDLOCK_CREATE_RULESET = 444;

  /** landlock_add_rule(2). */
  public static final long LANDLOCK_ADD_RULE = 445;

  /** landlock_restrict_self(2). */
  public static final long LANDLOCK_RESTRICT_SELF = 446;

  private final long close;
  private final long execve;
  private final long prctl;
  private final long openat;
  private final long closeRange;

  SyscallTable(long close, long execve, long prctl, long openat, long closeRange) {
    this.close = close;
    this.execve = execve;
    this.prctl = prctl;
    this.openat = openat;
    this.closeRange = closeRange;
  }

  /** The table for {@code os.arch}, or empty when the architecture is not supported. */
  public static java.util.Optional<SyscallTable> forArch(String osArch) {
    return switch (osArch) {
      case "amd64", "x86_64" -> java.util.Optional.of(X86_64);
      case "aarch64", "arm64" -> java.util.Optional.of(AARCH64);
      default -> java.util.Optional.empty();
    };
  }

  public long close() {
    return close;
  }

  public long execve() {
    return execve;
  }

  public long prctl() {
    return prctl;
  }

  public long openat() {
    return openat;
  }

  public long closeRange() {
    return closeRange;
  }
}
