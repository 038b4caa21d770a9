package dev.bulwark.trust.server;

import dev.bulwark.trust.server.auth.Authorizer;
import dev.bulwark.trust.server.auth.TokenAuthorizer;
import dev.bulwark.trust.server.config.ServerConfig;
import dev.bulwark.trust.server.http.Dispatcher;
import dev.bulwark.trust.server.http.FeedHandlers;
import dev.bulwark.trust.server.http.GunPolicy;
import dev.bulwark.trust.server.http.HttpServer11;
import dev.bulwark.trust.server.http.KeyHandlers;
import dev.bulwark.trust.server.http.MetadataHandlers;
import dev.bulwark.trust.server.http.Routes;
import dev.bulwark.trust.server.http.UpdateHandlers;
import dev.bulwark.trust.server.keys.KeyEncryptor;
import dev.bulwark.trust.server.keys.ServerKeys;
import dev.bulwark.trust.server.metrics.Metrics;
import dev.bulwark.trust.server.store.MetaStore;
import dev.bulwark.trust.server.store.MetaStores;
import dev.bulwark.trust.server.store.StoreException;
import dev.bulwark.trust.server.update.MetadataCache;
import dev.bulwark.trust.server.update.MetadataService;
import dev.bulwark.trust.server.update.UpdateService;
import dev.bulwark.trust.server.update.UpdateValidator;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.GeneralSecurityException;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * The trust server in one object: {@link #start} opens storage (running migrations), binds the port
 * and serves; {@link #close} stops accepting, lets in-flight requests finish within the grace
 * period and closes the database pool.
 */
public final class TrustServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(TrustServer.class.getName());
  private final ServerConfig config;
  private final MetaStore store;
  private final HttpServer11 http;
  private final Metrics metrics;

  private TrustServer(ServerConfig config, MetaStore store, HttpServer11 http, Metrics m) {
    this.config = config;
    this.store = store;
    this.http = http;
    this.metrics = m;
  }

  /** Starts a server; the returned instance is serving. */
  public static TrustServer start(ServerConfig config) throws ServerStartException {
    return start(config, Clock.systemUTC());
  }

  public static TrustServer start(ServerConfig config, Clock clock) throws ServerStartException {
    MetaStore store;
    try {
      store = MetaStores.open(config.jdbcUrl(), config.storage().poolSize());
    } catch (StoreException e) {
      throw new ServerStartException("storage: " + e.getMessage(), e);
    }
    try {
      Metrics metrics = new Metrics();
      Dispatcher dispatcher = dispatcher(config, store, clock, metrics);
      HttpServer11 http = new HttpServer11(bind(config), dispatcher);
      http.start();
      TrustServer s = new TrustServer(config, store, http, metrics);
      LOG.log(
          Level.INFO,
          "trust server listening on {0}:{1} (tls={2}, storage={3})",
          config.host(),
          String.valueOf(s.port()),
          config.tls() != null,
          MetaStores.redact(config.jdbcUrl()));
      return s;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      store.close();
      throw new ServerStartException("cannot start the server: " + e.getMessage(), e);
    }
  }

  private static Dispatcher dispatcher(
      ServerConfig config, MetaStore store, Clock clock, Metrics metrics)
      throws IOException, GeneralSecurityException {
    KeyEncryptor enc = new KeyEncryptor(KeySecret.resolve(config));
    ServerKeys keys =
        new ServerKeys(store, enc, ServerKeys.algorithm(config.keys().algorithm()), clock);
    boolean shared = !config.jdbcUrl().startsWith("jdbc:h2:");
    MetadataCache cache = new MetadataCache(shared ? config.cacheRefresh() : null);
    MetadataService meta =
        new MetadataService(
            store, cache, keys, clock, config.timestampExpiry(), config.snapshotExpiry(), metrics);
    UpdateValidator validator =
        new UpdateValidator(clock, config.snapshotExpiry(), config.timestampExpiry());
    UpdateService updates = new UpdateService(store, validator, keys, meta, metrics);
    var routes =
        Routes.table(
            new MetadataHandlers(meta, config.currentMaxAge(), config.consistentMaxAge()),
            new UpdateHandlers(updates),
            new KeyHandlers(keys, meta),
            new FeedHandlers(store, metrics));
    Authorizer auth =
        config.auth() == null
            ? Authorizer.allowAll()
            : TokenAuthorizer.create(config.auth(), clock);
    return new Dispatcher(
        routes, new GunPolicy(config.gunPrefixes()), auth, metrics, config.maxBodyBytes());
  }

  private static ServerSocket bind(ServerConfig config)
      throws IOException, GeneralSecurityException {
    InetAddress addr = InetAddress.getByName(config.host());
    if (config.tls() == null) {
      return new ServerSocket(config.port(), 1024, addr);
    }
    SSLContext ctx = Tls.context(config.tls());
    SSLServerSocket s =
        (SSLServerSocket)
            ctx.getServerSocketFactory().createServerSocket(config.port(), 1024, addr);
    s.setNeedClientAuth(config.tls().clientCaFile() != null);
    // HTTP/1.1 only, like notary-server: no ALPN "h2".
    return s;
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return http.port();
  }

  public ServerConfig config() {
    return config;
  }

  public Metrics metrics() {
    return metrics;
  }

  /** Graceful stop: no new connections, in-flight requests get the grace period. */
  @Override
  public void close() {
    http.close();
    http.awaitIdle(config.shutdownGrace().toMillis());
    store.close();
    LOG.log(Level.INFO, "trust server stopped");
  }
}
