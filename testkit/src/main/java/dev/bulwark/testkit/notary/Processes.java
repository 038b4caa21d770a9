package dev.bulwark.testkit.notary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Small process helpers shared by the Notary drivers. */
final class Processes {
  private Processes() {}

  /** Output of a finished process. */
  record Output(int exitCode, String stdout, String stderr) {}

  /** Fails loudly (never skips) when a required binary is missing. */
  static void requireExecutable(Path binary) {
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "required binary "
              + binary
              + " is missing; install the Debian package that provides it (see scripts/lib.sh"
              + " BULWARK_APT_PACKAGES)");
    }
  }

  static Output run(
      List<String> command, Map<String, String> env, String stdin, Path workDir, Duration timeout) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      CompletableFuture<String> out = drain(p.getInputStream());
      CompletableFuture<String> err = drain(p.getErrorStream());
      try (var in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out after " + timeout + ": " + command);
      }
      return new Output(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  static Output runChecked(List<String> command, Path workDir) {
    Output o = run(command, Map.of(), null, workDir, Duration.ofSeconds(60));
    if (o.exitCode() != 0) {
      throw new IllegalStateException(
          "command failed (exit "
              + o.exitCode()
              + "): "
              + command
              + "\n"
              + o.stderr()
              + o.stdout());
    }
    return o;
  }

  static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "<unreadable: " + e.getMessage() + ">";
          }
        });
  }

  /** A loopback TCP port that was free a moment ago. */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
