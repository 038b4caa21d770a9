package dev.bulwark.sandbox;

import java.util.EnumSet;
import java.util.Set;

/** Filesystem access rights ({@code LANDLOCK_ACCESS_FS_*}), each with the ABI that added it. */
public enum AccessFs {
  EXECUTE(0, Abi.V1, true),
  WRITE_FILE(1, Abi.V1, true),
  READ_FILE(2, Abi.V1, true),
  READ_DIR(3, Abi.V1, false),
  REMOVE_DIR(4, Abi.V1, false),
  REMOVE_FILE(5, Abi.V1, false),
  MAKE_CHAR(6, Abi.V1, false),
  MAKE_DIR(7, Abi.V1, false),
  MAKE_REG(8, Abi.V1, false),
  MAKE_SOCK(9, Abi.V1, false),
  MAKE_FIFO(10, Abi.V1, false),
  MAKE_BLOCK(11, Abi.V1, false),
  MAKE_SYM(12, Abi.V1, false),
  /** Link or rename a file into another directory (reparenting). */
  REFER(13, Abi.V2, false),
  /** Truncate a file ({@code truncate}, {@code O_TRUNC}, {@code creat}); bound at open time. */
  TRUNCATE(14, Abi.V3, true),
  /** {@code ioctl} on character and block devices; bound at open time. */
  IOCTL_DEV(15, Abi.V5, true);

  private final int bit;
  private final Abi since;
  private final boolean fileRight;

  AccessFs(int bit, Abi since, boolean fileRight) {
    this.bit = bit;
    this.since = since;
    this.fileRight = fileRight;
  }

  /** The bit mask of this right. */
  public long mask() {
    return 1L << bit;
  }

  /** The ABI that introduced this right. */
  public Abi since() {
    return since;
  }

  /** True when the kernel accepts this right in a rule on a non-directory file. */
  public boolean isFileRight() {
    return fileRight;
  }

  /** The landlockconfig name, e.g. {@code write_file}. */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Every right that exists in {@code abi}. */
  public static Set<AccessFs> all(Abi abi) {
    EnumSet<AccessFs> s = EnumSet.noneOf(AccessFs.class);
    for (AccessFs a : values()) {
      if (abi.atLeast(a.since)) {
        s.add(a);
      }
    }
    return s;
  }

  /** Reading files and listing directories. */
  public static Set<AccessFs> read(Abi abi) {
    return EnumSet.of(READ_FILE, READ_DIR);
  }

  /** Reading and executing. */
  public static Set<AccessFs> readExecute(Abi abi) {
    return EnumSet.of(READ_FILE, READ_DIR, EXECUTE);
  }

  /**
   * Everything except execute and the opt-in rights: all writes including {@code TRUNCATE} and
   * {@code REFER} (so atomic rename works), but no device creation ({@code MAKE_CHAR}, {@code
   * MAKE_BLOCK}) and no device ioctl.
   */
  public static Set<AccessFs> readWrite(Abi abi) {
    Set<AccessFs> s = all(abi);
    s.removeAll(EnumSet.of(EXECUTE, MAKE_CHAR, MAKE_BLOCK, IOCTL_DEV));
    return s;
  }

  /** {@link #readWrite(Abi)} plus execute. */
  public static Set<AccessFs> readWriteExecute(Abi abi) {
    Set<AccessFs> s = readWrite(abi);
    s.add(EXECUTE);
    return s;
  }

  /** The rights that may appear in a rule on a non-directory file. */
  public static Set<AccessFs> fileRights(Abi abi) {
    Set<AccessFs> s = all(abi);
    s.removeIf(a -> !a.fileRight);
    return s;
  }

  static long maskOf(Set<AccessFs> rights) {
    long m = 0;
    for (AccessFs a : rights) {
      m |= a.mask();
    }
    return m;
  }
}
