package dev.bulwark.sandbox;

/**
 * What the running kernel offers.
 *
 * @param availability whether Landlock can be used at all
 * @param abiVersion the kernel's ABI number (0 when unavailable); may exceed {@link Abi#latest()}
 * @param errata bit N-1 set means erratum N is fixed (0 when the query is unsupported)
 */
public record KernelSupport(Availability availability, int abiVersion, int errata) {
  /** Whether Landlock is usable. */
  public enum Availability {
    AVAILABLE,
    /** Built into the kernel but disabled at boot ({@code EOPNOTSUPP}). */
    DISABLED,
    /** Not built into the kernel ({@code ENOSYS}). */
    NOT_IMPLEMENTED,
    /** This library has no system call table for the CPU architecture. */
    UNSUPPORTED_ARCHITECTURE
  }

  public KernelSupport {
    if ((availability == Availability.AVAILABLE) != (abiVersion > 0)) {
      throw new IllegalArgumentException(
          "ABI version " + abiVersion + " does not match availability " + availability);
    }
  }

  /** The ABI this library can use on this kernel (empty when unavailable). */
  public java.util.Optional<Abi> abi() {
    return abiVersion > 0 ? java.util.Optional.of(Abi.of(abiVersion)) : java.util.Optional.empty();
  }

  /** True when erratum {@code n} (1-based) is fixed in this kernel. */
  public boolean erratumFixed(int n) {
    return n >= 1 && n <= 32 && (errata & (1 << (n - 1))) != 0;
  }

  /** One line for humans. */
  public String describe() {
    return switch (availability) {
      case AVAILABLE ->
          "Landlock ABI " + abiVersion + " (errata 0x" + Integer.toHexString(errata) + ")";
      case DISABLED -> "Landlock is built into this kernel but disabled at boot (lsm= parameter)";
      case NOT_IMPLEMENTED ->
          "this kernel has no Landlock (needs Linux 5.13+ with CONFIG_SECURITY_LANDLOCK)";
      case UNSUPPORTED_ARCHITECTURE ->
          "Landlock support is not implemented for CPU architecture "
              + System.getProperty("os.arch");
    };
  }
}
