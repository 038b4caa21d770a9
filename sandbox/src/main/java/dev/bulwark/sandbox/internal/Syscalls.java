package dev.bulwark.sandbox.internal;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Optional;

/**
 * The only native entry point of the sandbox: glibc's variadic {@code syscall(2)}, linked once with
 * six 64-bit arguments and errno capture. Unused trailing arguments are ignored by the kernel, so
 * one handle serves every call (linking is the dominant start-up cost; see research §7).
 */
public final class Syscalls {
  /** {@code AT_FDCWD}. */
  public static final long AT_FDCWD = -100;

  /** {@code O_PATH | O_CLOEXEC} (asm-generic values, same on x86_64 and aarch64). */
  public static final long O_PATH_CLOEXEC = 010000000 | 02000000;

  /** {@code PR_SET_NO_NEW_PRIVS}. */
  public static final long PR_SET_NO_NEW_PRIVS = 38;

  /** {@code CLOSE_RANGE_CLOEXEC}. */
  public static final long CLOSE_RANGE_CLOEXEC = 1L << 2;

  private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
  private static final Optional<SyscallTable> TABLE =
      SyscallTable.forArch(System.getProperty("os.arch"));
  private static final MethodHandle SYSCALL = link();

  private Syscalls() {}

  @SuppressWarnings("restricted") // the one native link of the sandbox
  private static MethodHandle link() {
    Linker linker = Linker.nativeLinker();
    MemorySegment sym = linker.defaultLookup().find("syscall").orElseThrow();
    FunctionDescriptor fd =
        FunctionDescriptor.of(
            JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG);
    return linker.downcallHandle(
        sym, fd, Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
  }

  /** The syscall table of this machine, or empty on an unsupported architecture. */
  public static Optional<SyscallTable> table() {
    return TABLE;
  }

  /** Forces linking (call before restricting any thread). */
  public static void prepare() {
    // class initialisation links the handle
  }

  /**
   * Calls {@code syscall(nr, args...)}; returns the result, or {@code -errno} when the call failed.
   */
  public static long call(long nr, long... args) {
    if (args.length > 5) {
      throw new IllegalArgumentException("at most 5 arguments, got " + args.length);
    }
    long[] a = new long[5];
    System.arraycopy(args, 0, a, 0, args.length);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(CAPTURE);
      long r = (long) SYSCALL.invokeExact(state, nr, a[0], a[1], a[2], a[3], a[4]);
      if (r == -1) {
        return -(int) ERRNO.get(state, 0L);
      }
      return r;
    } catch (Throwable t) {
      throw new IllegalStateException("syscall " + nr + " failed to run", t);
    }
  }

  /** {@code close(fd)}, ignoring errors. */
  public static void close(int fd) {
    table().ifPresent(t -> call(t.close(), fd));
  }

  /** Opens {@code path} with {@code O_PATH|O_CLOEXEC}; returns the fd or {@code -errno}. */
  public static int openPath(String path) {
    SyscallTable t = table().orElseThrow();
    try (Arena arena = Arena.ofConfined()) {
      return (int) call(t.openat(), AT_FDCWD, arena.allocateFrom(path).address(), O_PATH_CLOEXEC);
    }
  }

  /**
   * {@code execve(path, argv, envp)}; returns {@code -errno} (it only returns on failure). All
   * descriptors above 2 are marked close-on-exec first.
   */
  public static long execve(String path, List<String> argv, List<String> envp) {
    SyscallTable t = table().orElseThrow();
    call(t.closeRange(), 3, 0xFFFF_FFFFL, CLOSE_RANGE_CLOEXEC);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment file = arena.allocateFrom(path);
      return call(t.execve(), file.address(), strings(arena, argv), strings(arena, envp));
    }
  }

  private static long strings(Arena arena, List<String> values) {
    MemorySegment array = arena.allocate(JAVA_LONG, values.size() + 1L);
    for (int i = 0; i < values.size(); i++) {
      array.setAtIndex(JAVA_LONG, i, arena.allocateFrom(values.get(i)).address());
    }
    array.setAtIndex(JAVA_LONG, values.size(), 0L);
    return array.address();
  }
}
