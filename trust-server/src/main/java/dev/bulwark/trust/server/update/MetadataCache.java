package dev.bulwark.trust.server.update;

import dev.bulwark.trust.server.store.StoreException;
import dev.bulwark.trust.server.store.StoredFile;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Current metadata per (GUN, role) in memory, so hot GETs do not touch the database. Entries are
 * dropped when this process writes the GUN; entries older than {@code ttl} are reloaded so that
 * writes by other processes sharing the database become visible within {@code ttl}. A per-GUN
 * generation counter keeps a load that raced with a write from caching stale bytes.
 */
public final class MetadataCache {
  /** A cached current version (or its absence) and when it was loaded. */
  public record Entry(Optional<StoredFile> file, Object parsed, long loadedNanos) {}

  /** Loads the current version of a role and, optionally, a parsed form to keep beside it. */
  @FunctionalInterface
  public interface Loader {
    Entry load() throws StoreException;
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
  private final long ttlNanos;
  private final boolean enabled;

  /**
   * @param ttl maximum age of an entry; {@code null} = forever (one process owns the database);
   *     zero disables the cache
   */
  public MetadataCache(Duration ttl) {
    this.enabled = ttl == null || !ttl.isZero();
    this.ttlNanos = ttl == null ? Long.MAX_VALUE : ttl.toNanos();
  }

  public Entry get(String gun, String role, Loader loader) throws StoreException {
    String key = gun + "\n" + role;
    Entry e = entries.get(key);
    if (e != null && System.nanoTime() - e.loadedNanos() < ttlNanos) {
      return e;
    }
    long gen = generation(gun).get();
    Entry loaded = loader.load();
    if (enabled && generation(gun).get() == gen) {
      entries.put(key, loaded);
    }
    return loaded;
  }

  /** Forgets everything about a GUN (after this process wrote it). */
  public void invalidate(String gun) {
    generation(gun).incrementAndGet();
    entries.keySet().removeIf(k -> k.startsWith(gun + "\n"));
  }

  private AtomicLong generation(String gun) {
    return generations.computeIfAbsent(gun, g -> new AtomicLong());
  }
}
