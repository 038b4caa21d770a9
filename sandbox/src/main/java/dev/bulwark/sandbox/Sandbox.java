package dev.bulwark.sandbox;

import dev.bulwark.sandbox.internal.Syscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Entry points. A JVM cannot confine part of itself safely with Landlock before ABI 8 (only the
 * calling thread is restricted, and threads share everything), so the library offers confinement of
 * <em>child processes</em> ({@link #start}, {@link #launcher}) and of a program that
 * <em>replaces</em> the JVM ({@link #exec}).
 */
public final class Sandbox {
  private Sandbox() {}

  /** What the running kernel supports. */
  public static KernelSupport kernelSupport() {
    return Landlock.kernelSupport();
  }

  /** A reusable launcher confined by {@code policy}; close it when done. */
  public static SandboxLauncher launcher(Policy policy) throws SandboxException {
    return SandboxLauncher.create(policy);
  }

  /**
   * Starts one child confined by {@code policy}. For many launches under the same policy, reuse a
   * {@link #launcher}.
   */
  public static ConfinedProcess start(Policy policy, Command command)
      throws SandboxException, IOException {
    try (SandboxLauncher l = launcher(policy)) {
      return l.start(command);
    }
  }

  /** {@link #start(Policy, Command)} with an empty environment and piped streams. */
  public static ConfinedProcess start(Policy policy, List<String> argv)
      throws SandboxException, IOException {
    return start(policy, Command.of(argv));
  }

  /**
   * Restricts the calling platform thread with {@code policy} and replaces the whole process with
   * {@code argv} (same PID; exit status and signals pass through). Every other JVM thread dies in
   * {@code execve}, so the new program runs entirely inside the domain. Returns only by throwing.
   *
   * @param onStatus told the enforcement status just before {@code execve} (e.g. to warn)
   */
  public static void exec(
      Policy policy,
      List<String> argv,
      Map<String, String> env,
      java.util.function.Consumer<RestrictionStatus> onStatus)
      throws SandboxException {
    String program = resolve(argv.getFirst());
    List<String> envp = new ArrayList<>();
    env.forEach((k, v) -> envp.add(k + "=" + v));
    Syscalls.prepare();
    // Load the failure path now: after restrict_self, class files may no longer be readable.
    execFailure(program, Errno.EACCES);
    RestrictionStatus st;
    try (RulesetCreated rs = policy.createRuleset()) {
      rs.status().describe(); // warm the reporting path too
      st = rs.restrictSelf(policy.flags());
    }
    onStatus.accept(st);
    long r = Syscalls.execve(program, argv, envp);
    throw execFailure(program, (int) -r);
  }

  private static SandboxException execFailure(String program, int errno) {
    String hint =
        errno == Errno.EACCES
            ? " (the policy must allow read and execute on the program, its #! interpreter and"
                + " the ELF loader, e.g. --rox /usr)"
            : "";
    return new SandboxException(
        "cannot execute " + program + ": " + Errno.name(errno) + hint, errno);
  }

  /** Looks {@code program} up on this JVM's {@code PATH} like {@code execvp}. */
  static String resolve(String program) throws SandboxException {
    if (program.contains("/")) {
      return program;
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    for (String dir : path.split(":")) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p.toString();
      }
    }
    throw new SandboxException("program not found on PATH: " + program, Errno.ENOENT);
  }
}
