package dev.bulwark.trust.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Reads the YAML config file; every key is optional and falls back to the documented default. */
public final class ConfigLoader {
  private ConfigLoader() {}

  public static ServerConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    Path base = file.toAbsolutePath().getParent();
    try {
      return parse(text, base);
    } catch (YamlEngineException e) {
      throw new ConfigException("config file " + file + " is not valid YAML: " + e.getMessage(), e);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ConfigException("config file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param base directory that relative paths are resolved against
   */
  public static ServerConfig parse(String yaml, Path base) throws ConfigException {
    Object doc = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    YamlSection root = new YamlSection("", doc);
    YamlSection server = root.section("server");
    YamlSection storage = root.section("storage");
    YamlSection keys = root.section("keys");
    YamlSection auth = root.section("auth");
    YamlSection caching = root.section("caching");
    YamlSection repos = root.section("repositories");
    YamlSection logging = root.section("logging");
    ServerConfig d = ServerConfig.defaults(base.resolve("bulwark-data"));
    ServerConfig cfg =
        new ServerConfig(
            server.string("host", d.host()),
            (int) server.number("port", d.port()),
            tls(server, base),
            storage(storage, base, d.storage()),
            new KeysConfig(keys.string("algorithm", "ecdsa"), path(keys, "secret_file", base)),
            auth(auth, base),
            repos.strings("gun_prefixes"),
            server.number("max_body_bytes", d.maxBodyBytes()),
            seconds(caching, "current_max_age_seconds", d.currentMaxAge()),
            seconds(caching, "consistent_max_age_seconds", d.consistentMaxAge()),
            Duration.ofMillis(caching.number("refresh_millis", d.cacheRefresh().toMillis())),
            seconds(server, "shutdown_grace_seconds", d.shutdownGrace()),
            seconds(keys, "timestamp_expiry_seconds", d.timestampExpiry()),
            seconds(keys, "snapshot_expiry_seconds", d.snapshotExpiry()));
    logging.string("level", "info");
    for (YamlSection s : List.of(root, server, storage, keys, auth, caching, repos, logging)) {
      s.rejectUnknown();
    }
    return cfg;
  }

  /** The {@code logging.level} value (default {@code info}). */
  public static String logLevel(String yaml) throws ConfigException {
    Object doc = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    return new YamlSection("", doc).section("logging").string("level", "info");
  }

  private static TlsConfig tls(YamlSection server, Path base) throws ConfigException {
    Path cert = path(server, "tls_cert_file", base);
    Path key = path(server, "tls_key_file", base);
    Path clientCa = path(server, "client_ca_file", base);
    if (cert == null && key == null) {
      return null;
    }
    return new TlsConfig(cert, key, clientCa);
  }

  private static StorageConfig storage(YamlSection s, Path base, StorageConfig d)
      throws ConfigException {
    String backend = s.string("backend", "h2");
    String url = s.string("db_url", null);
    Path dataDir = path(s, "data_dir", base);
    if (backend.equals("postgresql") && url == null) {
      throw new ConfigException("storage.backend postgresql needs storage.db_url", null);
    }
    if (!backend.equals("h2") && !backend.equals("postgresql")) {
      throw new ConfigException("storage.backend must be h2 or postgresql, got " + backend, null);
    }
    return new StorageConfig(
        url, dataDir == null ? d.dataDir() : dataDir, (int) s.number("pool_size", d.poolSize()));
  }

  private static AuthConfig auth(YamlSection a, Path base) throws ConfigException {
    String type = a.string("type", "none");
    YamlSection o = a.section("options");
    if (type.equals("none")) {
      o.rejectUnknown();
      return null;
    }
    if (!type.equals("token")) {
      throw new ConfigException("auth.type must be none or token, got " + type, null);
    }
    AuthConfig cfg =
        new AuthConfig(
            o.string("realm", null),
            o.string("service", null),
            o.string("issuer", null),
            path(o, "rootcertbundle", base));
    o.rejectUnknown();
    return cfg;
  }

  private static Path path(YamlSection s, String key, Path base) throws ConfigException {
    String v = s.string(key, null);
    return v == null ? null : base.resolve(v).normalize();
  }

  private static Duration seconds(YamlSection s, String key, Duration fallback)
      throws ConfigException {
    return Duration.ofSeconds(s.number(key, fallback.toSeconds()));
  }
}
