package dev.bulwark.testkit.notary;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** Where the real notary-server and notary-signer keep their data. */
public sealed interface Storage {
  /** In-memory storage: fast, lost when the processes stop. */
  static Storage memory() {
    return new Memory();
  }

  /**
   * A fresh PostgreSQL database (random name) with Notary's server and signer schema, in the
   * cluster of {@code BULWARK_PG_URL} ({@code jdbc:postgresql://host:port/db?user=u}). Fails loudly
   * when the variable is not set: run {@code source scripts/lib.sh; bulwark_start_postgres}.
   */
  static Storage postgres() {
    String url = System.getenv("BULWARK_PG_URL");
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(
          "BULWARK_PG_URL is not set; run `source scripts/lib.sh; bulwark_start_postgres` first");
    }
    return new Postgres(
        PgUrl.parse(url), "notary_" + UUID.randomUUID().toString().replace("-", ""));
  }

  StorageConfig prepare(Path dir);

  /** Memory storage. */
  record Memory() implements Storage {
    @Override
    public StorageConfig prepare(Path dir) {
      String json = "{\"backend\":\"memory\"}";
      return new StorageConfig(json, json, Map.of());
    }
  }

  /**
   * PostgreSQL storage in database {@code database} (created by {@link #prepare}).
   *
   * @param cluster where the cluster is
   * @param database the name of the database to create
   */
  record Postgres(PgUrl cluster, String database) implements Storage {
    @Override
    public StorageConfig prepare(Path dir) {
      cluster.psql("postgres", "CREATE DATABASE " + database, dir);
      cluster.psql(database, NotarySchema.POSTGRES, dir);
      String dbUrl = cluster.goUrl(database);
      return new StorageConfig(
          "{\"backend\":\"postgres\",\"db_url\":\"" + dbUrl + "\"}",
          "{\"backend\":\"postgres\",\"db_url\":\""
              + dbUrl
              + "\",\"default_alias\":\"bulwarktest\"}",
          Map.of("NOTARY_SIGNER_BULWARKTEST", "throwaway-test-passphrase"));
    }

    /** Drops the database (the processes must be stopped first). */
    public void drop(Path dir) {
      cluster.psql("postgres", "DROP DATABASE IF EXISTS " + database, dir);
    }
  }
}
