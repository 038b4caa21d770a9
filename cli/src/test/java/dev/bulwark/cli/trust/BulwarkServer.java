package dev.bulwark.cli.trust;

import dev.bulwark.testkit.notary.Certs;
import dev.bulwark.testkit.notary.NotaryCli;
import dev.bulwark.testkit.notary.TlsMaterial;
import dev.bulwark.trust.client.keystore.EnvPassphrases;
import dev.bulwark.trust.client.keystore.KeystoreException;
import dev.bulwark.trust.client.notary.NotaryTls;
import dev.bulwark.trust.client.notary.TrustPinning;
import dev.bulwark.trust.client.repo.RepoContext;
import dev.bulwark.trust.server.TrustServer;
import dev.bulwark.trust.server.config.ServerConfig;
import dev.bulwark.trust.server.config.StorageConfig;
import dev.bulwark.trust.server.config.TlsConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bulwark's own Notary server ({@link TrustServer}) started in-process over TLS on a free loopback
 * port, on H2 or on a fresh PostgreSQL database of the cluster in {@code BULWARK_PG_URL}; with
 * clients for it: {@code bulwark trust} in-process, the real {@code notary}, and a {@link
 * RepoContext} for uploads the CLI would refuse to make.
 */
final class BulwarkServer implements AutoCloseable {
  /** The storage behind the server. */
  enum Db {
    H2,
    POSTGRES
  }

  private final TrustServer server;
  private final TlsMaterial tls;
  private final URI url;

  private BulwarkServer(TrustServer server, TlsMaterial tls) {
    this.server = server;
    this.tls = tls;
    this.url = URI.create("https://127.0.0.1:" + server.port());
  }

  /** Starts a server with its TLS material and data under {@code dir}. */
  static BulwarkServer start(Path dir, Db db) throws Exception {
    TlsMaterial tls = Certs.generate(dir.resolve("tls"));
    ServerConfig cfg =
        ServerConfig.defaults(dir.resolve("data"))
            .withPort(0)
            .withTls(new TlsConfig(tls.leafCert(), tls.leafKey(), null));
    if (db == Db.POSTGRES) {
      cfg = cfg.withStorage(new StorageConfig(freshPostgresDatabase(), dir.resolve("data"), 8));
    }
    return new BulwarkServer(TrustServer.start(cfg), tls);
  }

  URI url() {
    return url;
  }

  TlsMaterial tls() {
    return tls;
  }

  Path caCert() {
    return tls.caCert();
  }

  /** {@code bulwark trust} with this trust dir against this server. */
  TrustCli bulwark(Path trustDir) {
    return new TrustCli(trustDir, url, tls.caCert());
  }

  /** The real notary client with this trust dir against this server (TOFU). */
  NotaryCli notary(Path trustDir) {
    return NotaryCli.forServer(trustDir, url, tls.caCert());
  }

  /** The signing library on this trust dir, passphrases as the real client's tests use them. */
  RepoContext context(Path trustDir) {
    return context(trustDir, url);
  }

  /** The signing library on this trust dir against {@code server} (e.g. a dead address). */
  RepoContext context(Path trustDir, URI server) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String alias : List.of("ROOT", "TARGETS", "SNAPSHOT", "DELEGATION")) {
      env.put("NOTARY_" + alias + "_PASSPHRASE", NotaryCli.DEFAULT_PASSPHRASE);
    }
    return new RepoContext(
        trustDir,
        server,
        NotaryTls.withCa(tls.caCert()),
        TrustPinning.tofu(),
        new EnvPassphrases(
            env,
            r -> {
              throw new KeystoreException("no prompt in tests");
            }),
        Clock.systemUTC());
  }

  /**
   * The bytes the server serves now for each role file of {@code gun} ({@code <role>.json} by name,
   * no cache), or a status line for a role it does not have.
   */
  Map<String, String> remoteMetadata(String gun, List<String> roles) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    try (HttpClient http = HttpClient.newBuilder().sslContext(tls.clientContext()).build()) {
      for (String role : roles) {
        URI u = url.resolve("/v2/" + gun + "/_trust/tuf/" + role + ".json");
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(u).GET().build(), HttpResponse.BodyHandlers.ofString());
        out.put(role, r.statusCode() == 200 ? r.body() : "HTTP " + r.statusCode());
      }
    }
    return out;
  }

  @Override
  public void close() {
    server.close();
  }

  /** The cluster URL from {@code scripts/lib.sh bulwark_start_postgres}; fails loudly if unset. */
  private static String freshPostgresDatabase() throws SQLException {
    String cluster = System.getenv("BULWARK_PG_URL");
    if (cluster == null || cluster.isBlank()) {
      throw new IllegalStateException(
          "BULWARK_PG_URL is not set: run `source scripts/lib.sh; bulwark_start_postgres` first"
              + " (scripts/test.sh does)");
    }
    String name = "bulwark_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(cluster);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return cluster.replaceFirst("/postgres\\?", "/" + name + "?");
  }
}
