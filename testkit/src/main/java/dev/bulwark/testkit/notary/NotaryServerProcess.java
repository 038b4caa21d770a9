package dev.bulwark.testkit.notary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The real Debian {@code notary-server} + {@code notary-signer} (remote trust service, ECDSA server
 * keys) on free loopback ports with TLS. Storage is in memory unless {@link Storage#postgres} is
 * chosen, in which case a fresh database with Notary's schema is created in the cluster named by
 * {@code BULWARK_PG_URL}.
 *
 * <pre>{@code
 * try (NotaryServerProcess server = NotaryServerProcess.start(tmp, Storage.memory())) {
 *   NotaryCli alice = server.client(tmp.resolve("alice"));
 *   alice.run("init", "-p", "example.com/app");
 * }
 * }</pre>
 */
public final class NotaryServerProcess implements AutoCloseable {
  private static final Path SERVER = Path.of("/usr/bin/notary-server");
  private static final Path SIGNER = Path.of("/usr/bin/notary-signer");

  private final Path dir;
  private final TlsMaterial tls;
  private final int port;
  private final Process signer;
  private final Process server;
  private Storage storage = Storage.memory();

  private NotaryServerProcess(Path dir, TlsMaterial tls, int port, Process signer, Process server) {
    this.dir = dir;
    this.tls = tls;
    this.port = port;
    this.signer = signer;
    this.server = server;
  }

  /** Starts signer and server under {@code dir} (configs, certs, logs) and waits for health. */
  public static NotaryServerProcess start(Path dir, Storage storage) {
    Processes.requireExecutable(SERVER);
    Processes.requireExecutable(SIGNER);
    TlsMaterial tls = Certs.generate(dir.resolve("certs"));
    int signerPort = Processes.freePort();
    int serverPort = Processes.freePort();
    StorageConfig db = storage.prepare(dir);
    Path signerCfg = write(dir, "signer-config.json", signerConfig(tls, signerPort, db));
    Path serverCfg =
        write(dir, "server-config.json", serverConfig(tls, serverPort, signerPort, db));
    Process signer = launch(SIGNER, signerCfg, dir.resolve("signer.log"), db.signerEnv());
    Process server = null;
    try {
      awaitTcp(signerPort, signer, dir.resolve("signer.log"));
      server = launch(SERVER, serverCfg, dir.resolve("server.log"), Map.of());
      NotaryServerProcess p = new NotaryServerProcess(dir, tls, serverPort, signer, server);
      p.storage = storage;
      p.awaitHealthy();
      return p;
    } catch (RuntimeException e) {
      if (server != null) {
        server.destroyForcibly();
      }
      signer.destroyForcibly();
      throw e;
    }
  }

  /** {@code https://127.0.0.1:<port>}. */
  public URI url() {
    return URI.create("https://127.0.0.1:" + port);
  }

  /** The CA that issued the server's TLS certificate. */
  public Path caCert() {
    return tls.caCert();
  }

  /** All TLS material (CA key included, to issue more certificates). */
  public TlsMaterial tls() {
    return tls;
  }

  /** A real {@code notary} client for this server with its own trust dir (TOFU, no pinning). */
  public NotaryCli client(Path trustDir) {
    return NotaryCli.forServer(trustDir, url(), caCert());
  }

  /** Server log (JSON lines), for failure messages. */
  public String serverLog() {
    return readQuietly(dir.resolve("server.log"));
  }

  @Override
  public void close() {
    stop(server);
    stop(signer);
    if (storage instanceof Storage.Postgres pg) {
      pg.drop(dir);
    }
  }

  private void awaitHealthy() {
    HttpClient http = HttpClient.newBuilder().sslContext(tls.clientContext()).build();
    HttpRequest req = HttpRequest.newBuilder(url().resolve("/_notary_server/health")).build();
    Instant deadline = Instant.now().plusSeconds(30);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      if (!server.isAlive()) {
        throw new IllegalStateException("notary-server exited:\n" + serverLog());
      }
      try {
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
        last = r.statusCode() + " " + r.body();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      pause();
    }
    throw new IllegalStateException("notary-server not healthy: " + last + "\n" + serverLog());
  }

  private static void awaitTcp(int port, Process p, Path log) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      if (!p.isAlive()) {
        throw new IllegalStateException("notary-signer exited:\n" + readQuietly(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 500);
        return;
      } catch (IOException e) {
        pause();
      }
    }
    throw new IllegalStateException(
        "notary-signer not listening on " + port + "\n" + readQuietly(log));
  }

  private static Process launch(Path bin, Path config, Path log, Map<String, String> env) {
    ProcessBuilder pb =
        new ProcessBuilder(List.of(bin.toString(), "-config", config.toString()))
            .directory(config.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    try {
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + bin, e);
    }
  }

  private static void stop(Process p) {
    if (p == null || !p.isAlive()) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(Duration.ofSeconds(5))) {
        p.destroyForcibly().waitFor(Duration.ofSeconds(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String signerConfig(TlsMaterial tls, int port, StorageConfig db) {
    return """
        {"server":{"grpc_addr":"127.0.0.1:%d","tls_cert_file":"%s","tls_key_file":"%s"},
         "logging":{"level":"error"},
         "storage":%s}
        """
        .formatted(port, tls.leafCert(), tls.leafKey(), db.signerStorageJson());
  }

  private static String serverConfig(TlsMaterial tls, int port, int signerPort, StorageConfig db) {
    return """
        {"server":{"http_addr":"127.0.0.1:%d","tls_cert_file":"%s","tls_key_file":"%s"},
         "trust_service":{"type":"remote","hostname":"127.0.0.1","port":"%d",
           "tls_ca_file":"%s","tls_client_cert":"%s","tls_client_key":"%s",
           "key_algorithm":"ecdsa"},
         "logging":{"level":"error"},
         "storage":%s}
        """
        .formatted(
            port,
            tls.leafCert(),
            tls.leafKey(),
            signerPort,
            tls.caCert(),
            tls.leafCert(),
            tls.leafKey(),
            db.serverStorageJson());
  }

  private static Path write(Path dir, String name, String content) {
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "<no log at " + p + ">";
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
