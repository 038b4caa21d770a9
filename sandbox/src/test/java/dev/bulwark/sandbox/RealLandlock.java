package dev.bulwark.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Test helpers that run against this machine's real Landlock. */
final class RealLandlock {
  /** The ABI the test machine has; a kernel change must fail loudly, never skip enforcement. */
  static final int EXPECTED_ABI = 7;

  private RealLandlock() {}

  static void requireExpectedAbi() {
    KernelSupport k = Landlock.kernelSupport();
    assertThat(k.availability())
        .as("Landlock must be available on the test machine: %s", k.describe())
        .isEqualTo(KernelSupport.Availability.AVAILABLE);
    assertThat(k.abiVersion())
        .as("these tests were written for Landlock ABI %d; the kernel reports %s", EXPECTED_ABI, k)
        .isEqualTo(EXPECTED_ABI);
  }

  /** The outcome of a finished child. */
  record Result(int exit, String out, String err) {
    boolean ok() {
      return exit == 0;
    }
  }

  /** Runs {@code sh -c script} confined by {@code policy} and waits for it. */
  static Result sh(Policy policy, String script) throws Exception {
    ConfinedProcess p =
        Sandbox.start(policy, Command.of("/bin/sh", "-c", script).env("PATH", "/usr/bin:/bin"));
    assertThat(p.status().status()).isEqualTo(EnforcementStatus.FULLY_ENFORCED);
    return finish(p);
  }

  static Result finish(Process p) throws IOException, InterruptedException {
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("child finished").isTrue();
    return new Result(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }
}
