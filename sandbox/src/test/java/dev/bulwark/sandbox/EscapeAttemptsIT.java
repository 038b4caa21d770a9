package dev.bulwark.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per way out of an allowed directory; every one must fail. */
class EscapeAttemptsIT {
  @TempDir Path tmp;
  Path rw;
  Path outside;
  Policy policy;

  @BeforeAll
  static void kernel() {
    RealLandlock.requireExpectedAbi();
  }

  @BeforeEach
  void setUp() throws Exception {
    rw = Files.createDirectories(tmp.resolve("rw"));
    outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "secret\n");
    policy =
        Policy.builder(Abi.V7)
            .systemRuntime()
            .readWrite(rw)
            .readOnly(outside.resolve("secret.txt"))
            .compat(CompatLevel.HARD_REQUIREMENT)
            .build();
  }

  private void assertDenied(String script) throws Exception {
    var r = RealLandlock.sh(policy, script);
    assertThat(r.exit()).as("escape must fail: %s\nstdout: %s", script, r.out()).isNotZero();
    assertThat(outside.resolve("pwned")).doesNotExist();
    assertThat(outside.resolve("secret.txt")).hasContent("secret");
  }

  @Test
  void dotDotOutOfAllowedDir_isDenied() throws Exception {
    assertDenied("echo x > " + rw + "/../outside/pwned");
  }

  @Test
  void symlinkPreparedOutsideTheSandbox_isDenied() throws Exception {
    Files.createSymbolicLink(rw.resolve("door"), outside);
    assertDenied("echo x > " + rw + "/door/pwned");
  }

  @Test
  void symlinkCreatedInsideTheSandbox_isDenied() throws Exception {
    assertDenied("ln -s " + outside + " " + rw + "/door && echo x > " + rw + "/door/pwned");
  }

  @Test
  void reopenThroughProcSelfFd_isDenied() throws Exception {
    // Read access was granted and the file is open; upgrading it to write through /proc fails.
    assertDenied("exec 3< " + outside + "/secret.txt && echo x >> /proc/self/fd/3");
  }

  @Test
  void hardLinkOfForbiddenFileIntoAllowedDir_isDenied() throws Exception {
    assertDenied("ln " + outside + "/secret.txt " + rw + "/copy && echo x >> " + rw + "/copy");
    assertThat(rw.resolve("copy")).doesNotExist();
  }

  @Test
  void childReexecutingItself_staysConfined() throws Exception {
    assertDenied("exec /bin/sh -c 'exec /bin/sh -c \"echo x > " + outside + "/pwned\"'");
  }

  @Test
  void renameOfForbiddenFileIntoAllowedDir_isDenied() throws Exception {
    assertDenied(
        "perl -e 'rename($ARGV[0], $ARGV[1]) or die \"$!\\n\"' "
            + outside
            + "/secret.txt "
            + rw
            + "/moved");
    assertThat(rw.resolve("moved")).doesNotExist();
  }
}
