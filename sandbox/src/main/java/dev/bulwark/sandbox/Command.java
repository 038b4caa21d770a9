package dev.bulwark.sandbox;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to launch in a sandbox. The environment is explicit: it starts empty, never inherited unless
 * the caller copies variables in ({@link #inheritEnv}). Standard streams default to pipes, as with
 * {@link ProcessBuilder}.
 *
 * @param argv program and arguments; the program is looked up on the launching JVM's {@code PATH}
 * @param env the child's complete environment
 * @param directory working directory, or empty for the JVM's
 */
public record Command(
    List<String> argv,
    Map<String, String> env,
    Optional<Path> directory,
    Redirect stdin,
    Redirect stdout,
    Redirect stderr) {

  public Command {
    argv = List.copyOf(argv);
    if (argv.isEmpty() || argv.getFirst().isEmpty()) {
      throw new IllegalArgumentException("a command needs a program to run");
    }
    env = Map.copyOf(env);
  }

  /** {@code argv} with an empty environment and piped streams. */
  public static Command of(List<String> argv) {
    return new Command(
        argv, Map.of(), Optional.empty(), Redirect.PIPE, Redirect.PIPE, Redirect.PIPE);
  }

  /** {@code argv} with an empty environment and piped streams. */
  public static Command of(String... argv) {
    return of(List.of(argv));
  }

  /** Adds (or replaces) one environment variable. */
  public Command env(String name, String value) {
    Map<String, String> m = new LinkedHashMap<>(env);
    m.put(name, value);
    return new Command(argv, m, directory, stdin, stdout, stderr);
  }

  /** Copies the named variables from this JVM's environment when they are set. */
  public Command inheritEnv(String... names) {
    Map<String, String> m = new LinkedHashMap<>(env);
    for (String n : names) {
      String v = System.getenv(n);
      if (v != null) {
        m.put(n, v);
      }
    }
    return new Command(argv, m, directory, stdin, stdout, stderr);
  }

  public Command directory(Path dir) {
    return new Command(argv, env, Optional.of(dir), stdin, stdout, stderr);
  }

  /** Redirects all three standard streams to this JVM's. */
  public Command inheritIO() {
    return new Command(argv, env, directory, Redirect.INHERIT, Redirect.INHERIT, Redirect.INHERIT);
  }

  public Command redirect(Redirect in, Redirect out, Redirect err) {
    return new Command(argv, env, directory, in, out, err);
  }

  ProcessBuilder toProcessBuilder() {
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().clear();
    pb.environment().putAll(env);
    directory.ifPresent(d -> pb.directory(d.toFile()));
    pb.redirectInput(stdin).redirectOutput(stdout).redirectError(stderr);
    return pb;
  }
}
