package dev.bulwark.testkit.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private {@code /usr/bin/docker-registry} on {@code 127.0.0.1:<free port>} with filesystem
 * storage in a temporary directory and no authentication. Close it to stop the process and delete
 * the storage.
 *
 * <pre>{@code
 * try (LocalRegistry reg = LocalRegistry.start()) {
 *   String ref = reg.host() + "/demo/hello:1";
 * }
 * }</pre>
 */
public final class LocalRegistry implements AutoCloseable {
  public static final Path BINARY = Path.of("/usr/bin/docker-registry");
  private static final Duration STARTUP = Duration.ofSeconds(30);
  private final Process process;
  private final Path workDir;
  private final int port;
  private final Thread killOnExit;

  private LocalRegistry(Process process, Path workDir, int port) {
    this.process = process;
    this.workDir = workDir;
    this.port = port;
    // a test JVM that is killed or exits without close() must not leave the registry running
    this.killOnExit = new Thread(process::destroyForcibly, "docker-registry-reaper");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** Starts a registry and waits until {@code GET /v2/} answers 200. */
  public static LocalRegistry start() throws IOException {
    return start(null);
  }

  /**
   * Starts a registry; {@code extraConfig}, if not null, is appended to the generated {@code
   * config.yml} (e.g. an {@code auth:} section).
   */
  public static LocalRegistry start(String extraConfig) throws IOException {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(
          BINARY
              + " is missing: install the Debian package 'docker-registry' (apt-get install"
              + " docker-registry) to run registry integration tests");
    }
    Path dir = Files.createTempDirectory("bulwark-registry-");
    int port = freePort();
    Path config = dir.resolve("config.yml");
    Files.writeString(config, config(dir.resolve("storage"), port, extraConfig));
    Process p =
        new ProcessBuilder(BINARY.toString(), "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("registry.log").toFile())
            .start();
    LocalRegistry reg = new LocalRegistry(p, dir, port);
    try {
      reg.awaitReady();
    } catch (IOException | RuntimeException e) {
      reg.close();
      throw e;
    }
    return reg;
  }

  private static String config(Path storage, int port, String extra) {
    return """
        version: 0.1
        log:
          level: warn
          accesslog:
            disabled: true
        storage:
          filesystem:
            rootdirectory: %s
          delete:
            enabled: true
          maintenance:
            uploadpurging:
              enabled: false
        http:
          addr: 127.0.0.1:%d
          secret: bulwark-test-only
        """
            .formatted(storage, port)
        + (extra == null ? "" : extra);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void awaitReady() throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(STARTUP);
    URI uri = URI.create("http://" + host() + "/v2/");
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException("docker-registry exited at start-up:\n" + log());
      }
      try {
        int s =
            http.send(
                    HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (s == 200 || s == 401) {
          return;
        }
      } catch (IOException notYet) {
        onSpinWaitFor(Duration.ofMillis(50));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for docker-registry", e);
      }
    }
    throw new IOException(
        "docker-registry did not answer on " + uri + " within " + STARTUP + ":\n" + log());
  }

  private void onSpinWaitFor(Duration d) throws IOException {
    try {
      // readiness polling interval, not a timing assumption
      process.waitFor(d.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for docker-registry", e);
    }
  }

  /** {@code 127.0.0.1:<port>}, usable as the registry part of an image reference. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The storage root directory ({@code rootdirectory} of the config). */
  public Path storageDir() {
    return workDir.resolve("storage");
  }

  /** The file holding the bytes of blob {@code sha256:<hex>} in the registry's storage. */
  public Path blobData(String sha256Hex) {
    return storageDir()
        .resolve("docker/registry/v2/blobs/sha256")
        .resolve(sha256Hex.substring(0, 2))
        .resolve(sha256Hex)
        .resolve("data");
  }

  /** The registry's combined output so far (for failure messages). */
  public String log() {
    try {
      return Files.readString(workDir.resolve("registry.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to run; it stops the process
    }
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteTree(workDir);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
