package dev.bulwark.cli.sandbox;

import dev.bulwark.sandbox.Abi;
import dev.bulwark.sandbox.CompatLevel;
import dev.bulwark.sandbox.EnforcementStatus;
import dev.bulwark.sandbox.LandlockConfig;
import dev.bulwark.sandbox.Policy;
import dev.bulwark.sandbox.RestrictionStatus;
import dev.bulwark.sandbox.RulesetCreated;
import dev.bulwark.sandbox.Sandbox;
import dev.bulwark.sandbox.SandboxException;
import dev.bulwark.sandbox.UnsupportedFeatureException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark sandbox}: restrict this thread with Landlock, then {@code execve} the command, so
 * it runs confined with the same PID; its signals and exit status pass through.
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run a program confined by Landlock (Linux 5.13+).",
      "Everything not allowed by a flag or the policy file is denied: filesystem access and TCP"
          + " bind/connect (add --unrestricted-network to keep TCP open). The command replaces"
          + " bulwark (same PID; exit status and signals pass through).",
      "The environment is cleared; pass variables with --env."
    },
    footer = {
      "",
      "Rights: --ro = read files, list dirs; --rox = also execute; --rw = read, write, create,"
          + " remove, rename across directories (REFER), truncate; --rwx = also execute. A path may"
          + " be a file (rights are masked to what files accept). Put -- before the command.",
      "",
      "Examples:",
      "  bulwark sandbox --rox /usr,/bin,/lib,/lib64 --ro /etc --rw /tmp/out -- make -C src",
      "  bulwark sandbox --rox / --connect-tcp 443 --env PATH --env LANG=C.UTF-8 -- curl https://x",
      "  bulwark sandbox --rox /usr,/bin --scope signal,abstract-unix -- sh -c 'kill -0 1'",
      "  bulwark sandbox --policy policy.toml --rw \"$PWD\" -- ./build.sh",
      "  bulwark sandbox --policy policy.yml --print-policy",
      "",
      "Policy files use the landlockconfig format (JSON, TOML, or the same structure in YAML).",
      "Exit: the command's own status; 1 when the sandbox cannot be set up; 2 on usage errors."
    })
public final class SandboxCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--ro", split = ",", paramLabel = "PATH", description = "Allow reading.")
  List<Path> ro = new ArrayList<>();

  @Option(
      names = "--rox",
      split = ",",
      paramLabel = "PATH",
      description = "Allow reading and executing.")
  List<Path> rox = new ArrayList<>();

  @Option(names = "--rw", split = ",", paramLabel = "PATH", description = "Allow read and write.")
  List<Path> rw = new ArrayList<>();

  @Option(
      names = "--rwx",
      split = ",",
      paramLabel = "PATH",
      description = "Allow read, write and execute.")
  List<Path> rwx = new ArrayList<>();

  @Option(
      names = "--bind-tcp",
      split = ",",
      paramLabel = "PORT",
      description = "Allow binding these TCP ports.")
  List<Integer> bindTcp = new ArrayList<>();

  @Option(
      names = "--connect-tcp",
      split = ",",
      paramLabel = "PORT",
      description = "Allow connecting to these TCP ports.")
  List<Integer> connectTcp = new ArrayList<>();

  @Option(
      names = "--scope",
      split = ",",
      paramLabel = "SCOPE",
      description =
          "Isolate IPC: signal (no signals to processes outside the sandbox), abstract-unix"
              + " (no connecting to abstract unix sockets created outside).")
  List<String> scopes = new ArrayList<>();

  @ArgGroup(exclusive = true)
  Compat compat;

  static final class Compat {
    @Option(
        names = "--best-effort",
        description =
            "Enforce what the kernel supports and run anyway, with a warning when the policy is"
                + " only partially or not enforced.")
    boolean bestEffort;

    @Option(
        names = "--hard",
        description =
            "Refuse to run unless everything is enforced and every path exists (default).")
    boolean hard;
  }

  @Option(
      names = "--env",
      paramLabel = "NAME[=VALUE]",
      description = "Pass NAME from this environment, or set NAME=VALUE. Repeatable.")
  List<String> env = new ArrayList<>();

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "Policy file (landlockconfig JSON/TOML, or YAML); flags add to it.")
  Path policyFile;

  @Option(names = "--print-policy", description = "Print the effective policy as JSON and exit.")
  boolean printPolicy;

  @Option(names = "--unrestricted-network", description = "Do not restrict TCP.")
  boolean unrestrictedNetwork;

  @Option(
      names = "--unrestricted-filesystem",
      description = "Do not restrict the filesystem (only network/scopes).")
  boolean unrestrictedFilesystem;

  @Option(
      names = "--abi",
      paramLabel = "N",
      description = "Landlock ABI the policy is pinned to (default: ${DEFAULT-VALUE}).")
  int abi = Abi.latest().version();

  @Option(
      names = "--log-new-exec",
      description = "Audit-log denials after exec too (ABI 7; needs kernel audit).")
  boolean logNewExec;

  @Parameters(paramLabel = "COMMAND", description = "The program and its arguments.")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Policy policy;
    try {
      policy = policy();
    } catch (IllegalArgumentException e) {
      err.println("bulwark: " + e.getMessage());
      return 2;
    }
    if (printPolicy) {
      spec.commandLine().getOut().print(LandlockConfig.toJson(policy));
      spec.commandLine().getOut().flush();
      return 0;
    }
    if (command.isEmpty()) {
      err.println("bulwark: missing the command to run (put it after --)");
      return 2;
    }
    try {
      Sandbox.exec(policy, command, environment(), st -> warn(err, st));
    } catch (UnsupportedFeatureException e) {
      err.println("bulwark: " + e.getMessage() + " (--best-effort runs anyway, less confined)");
    } catch (SandboxException e) {
      err.println("bulwark: " + e.getMessage());
    }
    err.flush();
    return 1;
  }

  private static void warn(PrintWriter err, RestrictionStatus st) {
    if (st.status() != EnforcementStatus.FULLY_ENFORCED || !st.skippedPaths().isEmpty()) {
      err.println("bulwark: warning: sandbox " + st.describe());
    }
    err.flush();
  }

  private Policy policy() throws IOException {
    CompatLevel level =
        compat != null && compat.bestEffort
            ? CompatLevel.BEST_EFFORT
            : CompatLevel.HARD_REQUIREMENT;
    Policy flags = PolicyFlags.fromFlags(this, level);
    if (policyFile == null) {
      return flags;
    }
    return PolicyFlags.merge(PolicyFiles.read(policyFile, level), flags);
  }

  private Map<String, String> environment() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String e : env) {
      int eq = e.indexOf('=');
      if (eq > 0) {
        out.put(e.substring(0, eq), e.substring(eq + 1));
      } else if (System.getenv(e) != null) {
        out.put(e, System.getenv(e));
      }
    }
    return out;
  }

  /** Exercised by the AOT training run: parse flags, build a ruleset (links FFM), no restrict. */
  public static void aotTrain() {
    try {
      SandboxCommand c = new SandboxCommand();
      c.rox.add(Path.of("/usr"));
      c.rw.add(Path.of("/tmp"));
      c.scopes.add("signal");
      Policy p = PolicyFlags.fromFlags(c, CompatLevel.BEST_EFFORT);
      LandlockConfig.toJson(p);
      try (RulesetCreated rs = p.createRuleset()) {
        rs.status().describe();
      }
    } catch (SandboxException | RuntimeException e) {
      // training only: nothing to report
    }
  }
}
