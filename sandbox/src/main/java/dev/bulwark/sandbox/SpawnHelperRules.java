package dev.bulwark.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * File rules a confined child needs so that the JDK can launch it: the JDK forks through {@code
 * $JAVA_HOME/lib/jspawnhelper} (POSIX_SPAWN, the default), which must be readable and executable,
 * and which is dynamically linked against the same loader and libc as the JVM (found in {@code
 * /proc/self/maps}). The helper also lists {@code /proc/self/fd} to close inherited descriptors;
 * when it cannot, it closes every number up to {@code RLIMIT_NOFILE} (measured: about 100 ms per
 * launch at a limit of 20000), so {@code READ_DIR} (directory listing only, no file contents) is
 * granted on {@code /proc}.
 */
final class SpawnHelperRules {
  private static volatile List<Path> helperFiles;

  private SpawnHelperRules() {}

  /** {@code policy} plus optional rules for the spawn helper, its loader (R+X) and libc (R). */
  static Policy addTo(Policy policy) {
    Set<AccessFs> handled = policy.handledFs();
    EnumSet<AccessFs> rx = EnumSet.noneOf(AccessFs.class);
    for (AccessFs a : EnumSet.of(AccessFs.READ_FILE, AccessFs.EXECUTE)) {
      if (handled.contains(a)) {
        rx.add(a);
      }
    }
    if (rx.isEmpty()) {
      return policy;
    }
    Policy p = policy;
    if (handled.contains(AccessFs.READ_DIR)) {
      p = p.withPath(new PathRule(Path.of("/proc"), Set.of(AccessFs.READ_DIR), true));
    }
    for (Path f : helperFiles()) {
      boolean lib = f.getFileName().toString().startsWith("libc.");
      Set<AccessFs> access =
          lib && rx.contains(AccessFs.READ_FILE) ? Set.of(AccessFs.READ_FILE) : rx;
      p = p.withPath(new PathRule(f, access, true));
    }
    return p;
  }

  static List<Path> helperFiles() {
    List<Path> h = helperFiles;
    if (h == null) {
      h = List.copyOf(find());
      helperFiles = h;
    }
    return h;
  }

  private static List<Path> find() {
    List<Path> out = new ArrayList<>();
    out.add(Path.of(System.getProperty("java.home"), "lib", "jspawnhelper"));
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
        int slash = line.indexOf('/');
        if (slash < 0) {
          continue;
        }
        Path file = Path.of(line.substring(slash).trim());
        String name = file.getFileName().toString();
        if ((name.startsWith("ld-linux") || name.startsWith("libc.so")) && !out.contains(file)) {
          out.add(file);
        }
      }
    } catch (IOException | RuntimeException e) {
      // No /proc: the policy must then cover the loader and libc itself.
    }
    return out;
  }
}
