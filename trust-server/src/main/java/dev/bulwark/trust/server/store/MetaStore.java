package dev.bulwark.trust.server.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage of Notary metadata. Implementations are thread-safe; {@link #update} is atomic: either
 * every file (and the changefeed record) is stored or nothing is.
 */
public interface MetaStore extends AutoCloseable {

  /** The highest stored version of a role. */
  Optional<StoredFile> current(String gun, String role) throws StoreException;

  /** The highest stored version of every role of the collection, keyed by role. */
  Map<String, StoredFile> currentAll(String gun) throws StoreException;

  Optional<StoredFile> byVersion(String gun, String role, int version) throws StoreException;

  /** A stored version of a role whose bytes hash to the lower-case hex {@code sha256}. */
  Optional<StoredFile> byChecksum(String gun, String role, String sha256) throws StoreException;

  /**
   * Stores all files atomically. Every new version must be greater than the stored one for its
   * role, and two concurrent updates that store the same (role, version) cannot both succeed. When
   * a {@code timestamp} is among the files, a changefeed {@code update} record is appended.
   *
   * @throws VersionConflictException if a version is not newer than what is stored
   */
  void update(String gun, List<MetaUpdate> files) throws StoreException;

  /** Deletes every stored version of the collection and appends a {@code deletion} change. */
  void delete(String gun) throws StoreException;

  /**
   * A page of the changefeed, oldest first.
   *
   * @param gun only changes of this collection, or all when {@code null}
   * @param changeId exclusive start; {@code < 0} means "from the newest, backwards"
   * @param records page size; negative pages backwards from {@code changeId}
   */
  List<Change> changes(String gun, long changeId, int records) throws StoreException;

  /** The id of the newest changefeed record, 0 when empty. */
  long latestChangeId() throws StoreException;

  /** GUNs changed after {@code changeId}, with the newest change id seen. */
  Map<String, Long> changedSince(long changeId) throws StoreException;

  void putKey(StoredKey key) throws StoreException;

  /** Server-held keys of a role, newest first. */
  List<StoredKey> keys(String gun, String role) throws StoreException;

  /** Whether the database answers a trivial query. */
  boolean healthy();

  @Override
  void close();
}
