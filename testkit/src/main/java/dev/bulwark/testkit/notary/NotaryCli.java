package dev.bulwark.testkit.notary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the real {@code /usr/bin/notary} client with a generated {@code config.json} (trust dir,
 * server URL, server CA, trust pinning) and non-interactive passphrases. Immutable: the {@code
 * with...} methods return a copy.
 *
 * <pre>{@code
 * NotaryCli alice = NotaryCli.forServer(tmp.resolve("alice"), server.url(), server.caCert());
 * alice.runOk("init", "-p", gun);
 * alice.runOk("addhash", gun, "1.0", "529", "--sha256", hex, "-p");
 * String table = alice.runOk("list", gun).stdout();
 * }</pre>
 */
public final class NotaryCli {
  /** The passphrase used for every key (set through the NOTARY_*_PASSPHRASE variables). */
  public static final String DEFAULT_PASSPHRASE = "bulwark-test-passphrase";

  private static final Path NOTARY = Path.of("/usr/bin/notary");
  private static final List<String> PASSPHRASE_VARS =
      List.of(
          "NOTARY_ROOT_PASSPHRASE",
          "NOTARY_TARGETS_PASSPHRASE",
          "NOTARY_SNAPSHOT_PASSPHRASE",
          "NOTARY_DELEGATION_PASSPHRASE");

  private final Path trustDir;
  private final URI server;
  private final Path caCert;
  private final TrustPinning pinning;
  private final Map<String, String> env;

  private NotaryCli(
      Path trustDir, URI server, Path caCert, TrustPinning pinning, Map<String, String> env) {
    this.trustDir = trustDir.toAbsolutePath();
    this.server = Objects.requireNonNull(server);
    this.caCert = caCert;
    this.pinning = Objects.requireNonNull(pinning);
    this.env = Map.copyOf(env);
  }

  /** A client of {@code server} whose TLS certificate is issued by {@code caCert}. */
  public static NotaryCli forServer(Path trustDir, URI server, Path caCert) {
    Map<String, String> env = new HashMap<>();
    PASSPHRASE_VARS.forEach(v -> env.put(v, DEFAULT_PASSPHRASE));
    return new NotaryCli(trustDir, server, caCert, TrustPinning.tofu(), env);
  }

  /** Same client with a different trust pinning section. */
  public NotaryCli withTrustPinning(TrustPinning newPinning) {
    return new NotaryCli(trustDir, server, caCert, newPinning, env);
  }

  /**
   * Same client with one passphrase variable changed ({@code NOTARY_ROOT_PASSPHRASE}, {@code
   * NOTARY_TARGETS_PASSPHRASE}, {@code NOTARY_SNAPSHOT_PASSPHRASE} or {@code
   * NOTARY_DELEGATION_PASSPHRASE}), or any other environment variable.
   */
  public NotaryCli withEnv(String name, String value) {
    Map<String, String> copy = new HashMap<>(env);
    copy.put(name, value);
    return new NotaryCli(trustDir, server, caCert, pinning, copy);
  }

  /** The trust dir ({@code private/}, {@code tuf/<gun>/metadata/}). */
  public Path trustDir() {
    return trustDir;
  }

  /** The server URL this client talks to. */
  public URI server() {
    return server;
  }

  /** Writes the config file (if needed) and returns its path ({@code <trustDir>/config.json}). */
  public Path configFile() {
    try {
      Files.createDirectories(trustDir);
      return Files.writeString(trustDir.resolve("config.json"), configJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code notary -c config.json <args>} and returns exit code, stdout and stderr. */
  public Result run(String... args) {
    return runWithStdin("", args);
  }

  /** Like {@link #run} but feeds {@code stdin} (e.g. {@code "yes\n"} for root rotation). */
  public Result runWithStdin(String stdin, String... args) {
    Processes.requireExecutable(NOTARY);
    List<String> cmd = new ArrayList<>(List.of(NOTARY.toString(), "-c", configFile().toString()));
    cmd.addAll(List.of(args));
    Map<String, String> fullEnv = new HashMap<>(env);
    fullEnv.put("HOME", trustDir.toString());
    Processes.Output o = Processes.run(cmd, fullEnv, stdin, trustDir, Duration.ofMinutes(2));
    return new Result(o.exitCode(), o.stdout(), o.stderr());
  }

  /** Like {@link #run} but throws with the full output when the exit code is not 0. */
  public Result runOk(String... args) {
    Result r = run(args);
    if (r.exitCode() != 0) {
      throw new IllegalStateException(
          "notary "
              + String.join(" ", args)
              + " failed (exit "
              + r.exitCode()
              + ")\nstdout: "
              + r.stdout()
              + "\nstderr: "
              + r.stderr());
    }
    return r;
  }

  private String configJson() {
    StringBuilder remote = new StringBuilder("{\"url\":").append(Json.str(server.toString()));
    if (caCert != null) {
      remote.append(",\"root_ca\":").append(Json.str(caCert.toAbsolutePath().toString()));
    }
    remote.append('}');
    return "{\"trust_dir\":"
        + Json.str(trustDir.toString())
        + ",\"remote_server\":"
        + remote
        + ",\"trust_pinning\":"
        + pinning.toJson()
        + "}\n";
  }

  /**
   * What a run of the real client produced. Note: notary prints fatal errors ({@code * fatal: ...})
   * on stdout.
   *
   * @param exitCode process exit code
   * @param stdout standard output
   * @param stderr standard error (logrus warnings)
   */
  public record Result(int exitCode, String stdout, String stderr) {}
}
