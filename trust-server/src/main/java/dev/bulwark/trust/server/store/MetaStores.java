package dev.bulwark.trust.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/** Opens a {@link MetaStore} for a JDBC URL and brings its schema up to date with Flyway. */
public final class MetaStores {
  private MetaStores() {}

  /** The embedded default: an H2 file database under {@code dataDir}. */
  public static String h2Url(Path dataDir) {
    // WRITE_DELAY=0: a commit reaches the file before the client gets its 200 (kill -9 safe).
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("bulwark") + ";WRITE_DELAY=0";
  }

  /**
   * @param jdbcUrl {@code jdbc:h2:...} or {@code jdbc:postgresql:...}
   */
  public static MetaStore open(String jdbcUrl, int poolSize) throws StoreException {
    String dialect = dialect(jdbcUrl);
    if (dialect.equals("h2")) {
      createH2Dir(jdbcUrl);
    }
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(jdbcUrl);
    hc.setMaximumPoolSize(poolSize);
    hc.setPoolName("bulwark-" + dialect);
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to " + redact(jdbcUrl) + ": " + e.getMessage(), e);
    }
    try {
      Flyway.configure()
          .dataSource(ds)
          .locations("classpath:db/migration/" + dialect)
          .load()
          .migrate();
    } catch (RuntimeException e) {
      ds.close();
      throw new StoreException("schema migration of " + redact(jdbcUrl) + " failed", e);
    }
    return new JdbcMetaStore(ds, ds);
  }

  static String dialect(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return "h2";
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return "postgresql";
    }
    throw new IllegalArgumentException(
        "expected a jdbc:h2: or jdbc:postgresql: URL, got " + redact(jdbcUrl));
  }

  private static void createH2Dir(String jdbcUrl) throws StoreException {
    if (!jdbcUrl.startsWith("jdbc:h2:file:")) {
      return;
    }
    String path = jdbcUrl.substring("jdbc:h2:file:".length()).split(";", 2)[0];
    Path parent = Path.of(path).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot create database directory " + parent, e);
    }
  }

  /** The URL without password parameters, for messages and logs. */
  public static String redact(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
