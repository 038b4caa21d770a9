package dev.bulwark.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.sandbox.Landlock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bulwark sandbox} as a real process: restrict, execve, pass-through. */
class SandboxCommandIT {
  @TempDir Path tmp;

  @BeforeAll
  static void kernel() {
    assertThat(Landlock.kernelSupport().abiVersion())
        .as("tests expect Landlock ABI 7: %s", Landlock.kernelSupport().describe())
        .isEqualTo(7);
  }

  record Run(long pid, int exit, String out, String err) {}

  private static Run bulwark(String... args) throws Exception {
    return java("dev.bulwark.cli.Main", "sandbox", args);
  }

  private static Run java(String main, String first, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1"));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
    if (!first.isEmpty()) {
      cmd.add(first);
    }
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.pid(), p.exitValue(), out, err);
  }

  @Test
  void readOnlyRoot_writeToTmp_fails() throws Exception {
    Path f = tmp.resolve("f");
    Run r = bulwark("--rox", "/", "--", "sh", "-c", "echo x > " + f);
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("Permission denied");
    assertThat(f).doesNotExist();
  }

  @Test
  void readWriteDir_writeWorks_andPidExitStatusPassThrough() throws Exception {
    Path f = tmp.resolve("f");
    Run r =
        bulwark(
            "--rox", "/", "--rw", tmp.toString(), "--", "sh", "-c", "echo $$ > " + f + "; exit 42");
    assertThat(r.exit()).as(r.err()).isEqualTo(42);
    assertThat(Files.readString(f).trim()).isEqualTo(Long.toString(r.pid()));
  }

  @Test
  void fastEntryPoint_behavesLikeTheSubcommand() throws Exception {
    Path f = tmp.resolve("fast");
    Run denied =
        java(
            "dev.bulwark.cli.sandbox.SandboxMain",
            "",
            "--rox",
            "/",
            "--",
            "sh",
            "-c",
            "echo > " + f);
    assertThat(denied.exit()).isNotZero();
    assertThat(f).doesNotExist();
    Run ok =
        java("dev.bulwark.cli.sandbox.SandboxMain", "", "--rox", "/", "--", "sh", "-c", "exit 7");
    assertThat(ok.exit()).as(ok.err()).isEqualTo(7);
  }

  @Test
  void signalKillingTheCommand_passesThrough() throws Exception {
    Run r = bulwark("--rox", "/usr,/bin,/lib,/lib64", "--", "/bin/sh", "-c", "kill -TERM $$");
    assertThat(r.exit()).isEqualTo(128 + 15);
  }

  @Test
  void signalScope_blocksSignalsToOutside() throws Exception {
    Process victim = new ProcessBuilder("sleep", "60").start();
    try {
      Run r =
          bulwark(
              "--rox",
              "/usr,/bin,/lib,/lib64",
              "--scope",
              "signal",
              "--",
              "/bin/sh",
              "-c",
              "kill -0 " + victim.pid());
      assertThat(r.exit()).isNotZero();
      assertThat(r.err()).contains("Operation not permitted");
    } finally {
      victim.destroyForcibly();
    }
  }

  @Test
  void missingPath_underDefaultHard_isOneClearError() throws Exception {
    Run r = bulwark("--rox", "/usr,/nonexistent-h6", "--", "/bin/true");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip())
        .startsWith("bulwark: cannot add a rule for /nonexistent-h6: no such file")
        .doesNotContain("\n");
  }

  @Test
  void missingPath_underBestEffort_warnsAndRuns() throws Exception {
    Run r =
        bulwark(
            "--best-effort", "--rox", "/usr,/bin,/lib,/lib64,/nonexistent-h6", "--", "/bin/true");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("warning").contains("/nonexistent-h6");
  }

  @Test
  void programWithoutExecuteRight_isExplained() throws Exception {
    Run r = bulwark("--ro", "/", "--", "/bin/true");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("cannot execute /bin/true: EACCES").contains("--rox");
  }

  @Test
  void jvmDescriptors_areNotInheritedByTheCommand() throws Exception {
    Run r = bulwark("--rox", "/", "--", "/bin/ls", "/proc/self/fd");
    assertThat(r.out().lines().toList()).as(r.err()).containsExactly("0", "1", "2", "3");
  }

  @Test
  void environment_isClearedExceptPassedVariables() throws Exception {
    Run r = bulwark("--rox", "/", "--env", "A=1", "--", "env");
    assertThat(r.out()).isEqualTo("A=1\n");
  }

  @Test
  void policyFile_andPrintPolicy() throws Exception {
    Path f = tmp.resolve("p.toml");
    Files.writeString(
        f,
        """
        abi = 7
        [[ruleset]]
        handled_access_fs = ["abi.all"]
        [[path_beneath]]
        allowed_access = ["abi.read_execute"]
        parent = ["/usr", "/bin", "/lib", "/lib64"]
        """);
    Run print = bulwark("--policy", f.toString(), "--rw", tmp.toString(), "--print-policy");
    assertThat(print.exit()).as(print.err()).isZero();
    assertThat(print.out()).contains("\"parent\": [\"/lib64\"]").contains(tmp.toString());
    Run run = bulwark("--policy", f.toString(), "--", "/bin/sh", "-c", "echo x > " + tmp + "/y");
    assertThat(run.exit()).isNotZero();
    Run ok =
        bulwark(
            "--policy",
            f.toString(),
            "--rw",
            tmp.toString(),
            "--",
            "/bin/sh",
            "-c",
            "echo x > " + tmp + "/y");
    assertThat(ok.exit()).as(ok.err()).isZero();
  }

  @Test
  void policyFileWithoutRuleset_handlesOnlyTheRightsItUses() throws Exception {
    // landlockconfig semantics: handled rights are completed from the rules, so a file that only
    // grants read/execute does not restrict writing. Declare [[ruleset]] abi.all to deny it.
    Path f = tmp.resolve("p.json");
    Files.writeString(
        f,
        """
        {"pathBeneath": [{"allowedAccess": ["abi.read_execute"], "parent": ["/usr", "/bin"]}]}
        """);
    Run r = bulwark("--policy", f.toString(), "--", "/bin/sh", "-c", "echo x > " + tmp + "/z");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(bulwark("--policy", f.toString(), "--", "/bin/cat", "/etc/hostname").exit())
        .isNotZero();
  }
}
