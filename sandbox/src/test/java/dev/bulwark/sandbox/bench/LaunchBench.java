package dev.bulwark.sandbox.bench;

import dev.bulwark.sandbox.Abi;
import dev.bulwark.sandbox.Command;
import dev.bulwark.sandbox.Policy;
import dev.bulwark.sandbox.Sandbox;
import dev.bulwark.sandbox.SandboxLauncher;
import dev.bulwark.sandbox.Scope;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * N launches of {@code /bin/true} from one JVM: plain {@link ProcessBuilder} vs a reused confined
 * launcher vs a fresh confined launcher per child. Rounds alternate; medians are printed. Usage:
 * {@code LaunchBench [N] [ROUNDS]}.
 */
public final class LaunchBench {
  private LaunchBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Policy policy =
        Policy.builder(Abi.V7)
            .readExecute(Path.of("/usr"), Path.of("/bin"), Path.of("/lib"), Path.of("/lib64"))
            .readOnly(Path.of("/etc"))
            .scope(Scope.SIGNAL, Scope.ABSTRACT_UNIX_SOCKET)
            .build();
    System.out.println("kernel: " + Sandbox.kernelSupport().describe());
    long[] plain = new long[rounds];
    long[] reused = new long[rounds];
    long[] fresh = new long[rounds];
    try (SandboxLauncher launcher = Sandbox.launcher(policy)) {
      System.out.println("status: " + launcher.status().describe());
      plainLoop(20);
      reusedLoop(launcher, 20);
      freshLoop(policy, 20);
      for (int r = 0; r < rounds; r++) {
        plain[r] = plainLoop(n);
        reused[r] = reusedLoop(launcher, n);
        fresh[r] = freshLoop(policy, n);
      }
    }
    double p = median(plain);
    report("plain ProcessBuilder", n, p, p);
    report("confined, reused launcher", n, median(reused), p);
    report("confined, new launcher per child", n, median(fresh), p);
  }

  private static long plainLoop(int n) throws Exception {
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      ProcessBuilder pb = new ProcessBuilder("/bin/true");
      pb.environment().clear();
      check(pb.start().waitFor());
    }
    return System.nanoTime() - t0;
  }

  private static long reusedLoop(SandboxLauncher l, int n) throws Exception {
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      check(l.start(Command.of("/bin/true")).waitFor());
    }
    return System.nanoTime() - t0;
  }

  private static long freshLoop(Policy policy, int n) throws Exception {
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      check(Sandbox.start(policy, Command.of("/bin/true")).waitFor());
    }
    return System.nanoTime() - t0;
  }

  private static void check(int exit) {
    if (exit != 0) {
      throw new IllegalStateException("/bin/true exited with " + exit);
    }
  }

  private static double median(long[] v) {
    long[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2] / 1e6;
  }

  private static void report(String what, int n, double ms, double plainMs) {
    System.out.printf(
        Locale.ROOT,
        "%-34s %4d launches: %8.1f ms total, %6.3f ms each, ratio to plain %.3f%n",
        what,
        n,
        ms,
        ms / n,
        ms / plainMs);
  }
}
