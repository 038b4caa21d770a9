package dev.bulwark.testkit.notary;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL cluster address parsed from a JDBC URL ({@code
 * jdbc:postgresql://127.0.0.1:15432/postgres?user=postgres}).
 *
 * @param host host name or address
 * @param port TCP port
 * @param user role to connect as (trust auth is assumed)
 */
record PgUrl(String host, int port, String user) {
  private static final Path PSQL = Path.of("/usr/bin/psql");

  static PgUrl parse(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException("expected jdbc:postgresql://host:port/db, got " + jdbcUrl);
    }
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    String user = "postgres";
    if (uri.getQuery() != null) {
      for (String kv : uri.getQuery().split("&")) {
        if (kv.startsWith("user=")) {
          user = kv.substring("user=".length());
        }
      }
    }
    return new PgUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user);
  }

  /** The URL form Go's lib/pq (notary-server, notary-signer) understands. */
  String goUrl(String database) {
    return "postgres://" + user + "@" + host + ":" + port + "/" + database + "?sslmode=disable";
  }

  void psql(String database, String sql, Path workDir) {
    Processes.requireExecutable(PSQL);
    Processes.Output o =
        Processes.run(
            List.of(
                PSQL.toString(),
                "-v",
                "ON_ERROR_STOP=1",
                "-q",
                "-h",
                host,
                "-p",
                Integer.toString(port),
                "-U",
                user,
                "-d",
                database,
                "-f",
                "-"),
            Map.of(),
            sql,
            workDir,
            java.time.Duration.ofSeconds(60));
    if (o.exitCode() != 0) {
      throw new IllegalStateException("psql failed on " + database + ": " + o.stderr());
    }
  }
}
