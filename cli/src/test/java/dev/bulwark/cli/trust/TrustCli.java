package dev.bulwark.cli.trust;

import dev.bulwark.cli.Main;
import dev.bulwark.testkit.notary.NotaryCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code bulwark trust} in-process against one server with one trust dir, with an empty config
 * file so that nothing under {@code ~/.notary} is read. Passphrases come from the environment
 * ({@code NOTARY_*_PASSPHRASE}, set for the cli ITs in {@code cli/pom.xml}).
 */
final class TrustCli {
  private final Path trustDir;
  private final URI server;
  private final Path caCert;

  TrustCli(Path trustDir, URI server, Path caCert) {
    this.trustDir = trustDir.toAbsolutePath();
    this.server = server;
    this.caCert = caCert;
  }

  /** Exit code, stdout and stderr of one in-process run. */
  record Run(int exit, String out, String err) {}

  Path trustDir() {
    return trustDir;
  }

  /** The same trust dir against another server URL (e.g. one that is down). */
  TrustCli withServer(URI other) {
    return new TrustCli(trustDir, other, caCert);
  }

  /** {@code bulwark trust -s URL --tlscacert CA -d DIR -c {}-config ARGS...}. */
  Run run(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "trust",
                "-s",
                server.toString(),
                "--tlscacert",
                caCert.toString(),
                "-d",
                trustDir.toString(),
                "-c",
                emptyConfig(trustDir).toString()));
    all.addAll(List.of(args));
    return exec(all);
  }

  /** Like {@link #run} but fails the test with stderr when the exit code is not 0. */
  Run runOk(String... args) {
    Run r = run(args);
    if (r.exit() != 0) {
      throw new AssertionError(
          "bulwark trust " + String.join(" ", args) + " exited " + r.exit() + ": " + r.err());
    }
    return r;
  }

  /** Runs {@code bulwark ARGS...} in-process through the CLI's own command line. */
  static Run exec(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  /** An empty client config next to the trust dir (so the test never reads ~/.notary). */
  static Path emptyConfig(Path trustDir) {
    try {
      Path p = trustDir.resolveSibling(trustDir.getFileName() + "-config.json");
      if (!Files.exists(p)) {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "{}");
      }
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The in-process CLI reads passphrases from the environment that cli/pom.xml sets for ITs. */
  static void requirePassphraseEnvironment() {
    for (String alias : List.of("ROOT", "TARGETS", "SNAPSHOT", "DELEGATION")) {
      String name = "NOTARY_" + alias + "_PASSPHRASE";
      if (!NotaryCli.DEFAULT_PASSPHRASE.equals(System.getenv(name))) {
        throw new IllegalStateException(
            name + " must be set to the test passphrase (cli/pom.xml failsafe configuration)");
      }
      String override = "BULWARK_" + alias + "_PASSPHRASE";
      if (System.getenv(override) != null) {
        throw new IllegalStateException(
            override + " is set and would override " + name + ": unset it to run the trust ITs");
      }
    }
  }

  /** The tag column of a {@code notary list} table. */
  static List<String> tags(String listTable) {
    return listTable
        .lines()
        .skip(2)
        .filter(l -> !l.isBlank())
        .map(l -> l.split("\\s+")[0])
        .toList();
  }
}
