package dev.bulwark.cli.trust;

import dev.bulwark.cli.trust.BulwarkServer.Db;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * One {@link BulwarkServer} per storage for a test class, each started on first use (so a missing
 * PostgreSQL fails only the PostgreSQL cases, loudly) and stopped by {@link #close}.
 */
final class BulwarkServers implements AutoCloseable {
  private final Path dir;
  private final Map<Db, BulwarkServer> servers = new EnumMap<>(Db.class);

  BulwarkServers(Path dir) {
    this.dir = dir;
  }

  synchronized BulwarkServer get(Db db) throws Exception {
    BulwarkServer s = servers.get(db);
    if (s == null) {
      s = BulwarkServer.start(dir.resolve("server-" + db), db);
      servers.put(db, s);
    }
    return s;
  }

  @Override
  public synchronized void close() {
    servers.values().forEach(BulwarkServer::close);
    servers.clear();
  }
}
