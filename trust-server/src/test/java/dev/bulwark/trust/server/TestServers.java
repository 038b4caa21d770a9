package dev.bulwark.trust.server;

import dev.bulwark.testkit.notary.Certs;
import dev.bulwark.testkit.notary.TlsMaterial;
import dev.bulwark.trust.server.config.ServerConfig;
import dev.bulwark.trust.server.config.StorageConfig;
import dev.bulwark.trust.server.config.TlsConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Test helpers: TLS material, configs for H2 and a fresh PostgreSQL database. */
final class TestServers {
  private TestServers() {}

  static TlsMaterial tls(Path dir) {
    return Certs.generate(dir.resolve("tls"));
  }

  static ServerConfig h2(Path dir, TlsMaterial tls) {
    return ServerConfig.defaults(dir.resolve("data"))
        .withPort(0)
        .withTls(new TlsConfig(tls.leafCert(), tls.leafKey(), null));
  }

  static ServerConfig postgres(Path dir, TlsMaterial tls, String jdbcUrl) {
    return h2(dir, tls).withStorage(new StorageConfig(jdbcUrl, dir.resolve("data"), 16));
  }

  /** The cluster URL from {@code scripts/lib.sh bulwark_start_postgres}; fails loudly if unset. */
  static String pgClusterUrl() {
    String url = System.getenv("BULWARK_PG_URL");
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(
          "BULWARK_PG_URL is not set: run `source scripts/lib.sh; bulwark_start_postgres` first");
    }
    return url;
  }

  /** Creates a fresh database on the test cluster and returns its JDBC URL. */
  static String freshPostgresDatabase() throws SQLException {
    String cluster = pgClusterUrl();
    String name = "bulwark_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(cluster);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return cluster.replaceFirst("/postgres\\?", "/" + name + "?");
  }
}
