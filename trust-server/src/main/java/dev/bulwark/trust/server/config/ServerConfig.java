package dev.bulwark.trust.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the server needs to start. See {@code docs/server.md} for the YAML form.
 *
 * @param host listen address (default {@code 127.0.0.1})
 * @param port listen port, 0 = any free port (default 4443)
 * @param tls {@code null} = plain HTTP (only for tests behind a TLS proxy)
 * @param auth {@code null} = no authentication
 * @param gunPrefixes allowed GUN prefixes; empty = all
 * @param maxBodyBytes update bodies above this are refused with 413 (default 10 MiB)
 * @param currentMaxAge {@code Cache-Control} max-age of current metadata (default 300 s)
 * @param consistentMaxAge max-age of by-hash and by-version metadata (default 30 d)
 * @param cacheRefresh how often the in-memory metadata cache polls the changefeed for changes made
 *     by other server processes (default 100 ms); 0 disables the cache
 * @param shutdownGrace time in-flight requests get on stop (default 5 s)
 * @param timestampExpiry lifetime of server-signed timestamps (default 14 d)
 * @param snapshotExpiry lifetime of server-signed snapshots (default 3 y)
 */
public record ServerConfig(
    String host,
    int port,
    TlsConfig tls,
    StorageConfig storage,
    KeysConfig keys,
    AuthConfig auth,
    List<String> gunPrefixes,
    long maxBodyBytes,
    Duration currentMaxAge,
    Duration consistentMaxAge,
    Duration cacheRefresh,
    Duration shutdownGrace,
    Duration timestampExpiry,
    Duration snapshotExpiry) {

  public ServerConfig {
    Objects.requireNonNull(host, "server.host");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(keys, "keys");
    gunPrefixes = List.copyOf(gunPrefixes);
    for (String p : gunPrefixes) {
      if (!p.endsWith("/")) {
        throw new IllegalArgumentException(
            "repositories.gun_prefixes entries must end in '/', got " + p);
      }
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("server.port must be 0..65535, got " + port);
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException(
          "server.max_body_bytes must be >= 1024, got " + maxBodyBytes);
    }
  }

  /** The documented defaults: loopback, port 4443, no TLS, H2 under {@code dataDir}. */
  public static ServerConfig defaults(Path dataDir) {
    return new ServerConfig(
        "127.0.0.1",
        4443,
        null,
        new StorageConfig(null, dataDir, 16),
        new KeysConfig("ecdsa", null),
        null,
        List.of(),
        10L * 1024 * 1024,
        Duration.ofSeconds(300),
        Duration.ofDays(30),
        Duration.ofMillis(100),
        Duration.ofSeconds(5),
        Duration.ofDays(14),
        Duration.ofDays(3 * 365));
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(
        host,
        newPort,
        tls,
        storage,
        keys,
        auth,
        gunPrefixes,
        maxBodyBytes,
        currentMaxAge,
        consistentMaxAge,
        cacheRefresh,
        shutdownGrace,
        timestampExpiry,
        snapshotExpiry);
  }

  public ServerConfig withTls(TlsConfig newTls) {
    return new ServerConfig(
        host,
        port,
        newTls,
        storage,
        keys,
        auth,
        gunPrefixes,
        maxBodyBytes,
        currentMaxAge,
        consistentMaxAge,
        cacheRefresh,
        shutdownGrace,
        timestampExpiry,
        snapshotExpiry);
  }

  public ServerConfig withStorage(StorageConfig newStorage) {
    return new ServerConfig(
        host,
        port,
        tls,
        newStorage,
        keys,
        auth,
        gunPrefixes,
        maxBodyBytes,
        currentMaxAge,
        consistentMaxAge,
        cacheRefresh,
        shutdownGrace,
        timestampExpiry,
        snapshotExpiry);
  }

  public ServerConfig withAuth(AuthConfig newAuth) {
    return new ServerConfig(
        host,
        port,
        tls,
        storage,
        keys,
        newAuth,
        gunPrefixes,
        maxBodyBytes,
        currentMaxAge,
        consistentMaxAge,
        cacheRefresh,
        shutdownGrace,
        timestampExpiry,
        snapshotExpiry);
  }

  public ServerConfig withGunPrefixes(List<String> prefixes) {
    return new ServerConfig(
        host,
        port,
        tls,
        storage,
        keys,
        auth,
        prefixes,
        maxBodyBytes,
        currentMaxAge,
        consistentMaxAge,
        cacheRefresh,
        shutdownGrace,
        timestampExpiry,
        snapshotExpiry);
  }

  public ServerConfig withMaxBodyBytes(long limit) {
    return new ServerConfig(
        host,
        port,
        tls,
        storage,
        keys,
        auth,
        gunPrefixes,
        limit,
        currentMaxAge,
        consistentMaxAge,
        cacheRefresh,
        shutdownGrace,
        timestampExpiry,
        snapshotExpiry);
  }

  /** The JDBC URL to open: the configured one or the embedded H2 file under the data dir. */
  public String jdbcUrl() {
    return storage.jdbcUrl() != null
        ? storage.jdbcUrl()
        : dev.bulwark.trust.server.store.MetaStores.h2Url(storage.dataDir());
  }
}
