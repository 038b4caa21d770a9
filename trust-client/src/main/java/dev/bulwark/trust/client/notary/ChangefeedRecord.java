package dev.bulwark.trust.client.notary;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One record of a Notary changefeed (research/notary.md §2.5): the server wrote a new timestamp
 * ({@link Category#UPDATE}, with the timestamp's version and sha256) or deleted the collection
 * ({@link Category#DELETION}, version 0, no checksum). {@code createdAt} is the server's clock: it
 * is not signed by anyone.
 *
 * @param id the record's position in the feed (Notary sends it as a decimal string)
 * @param createdAt when the server stored the write
 * @param gun the collection
 * @param version the timestamp version (0 for a deletion)
 * @param sha256 lower-case hex sha256 of the timestamp file (empty for a deletion)
 * @param category what happened
 */
public record ChangefeedRecord(
    long id, Instant createdAt, String gun, long version, String sha256, Category category) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** The two kinds of changefeed record. */
  public enum Category {
    /** A timestamp was written. */
    UPDATE,
    /** Every file of the collection was deleted. */
    DELETION
  }

  public ChangefeedRecord {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(gun, "gun");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(category, "category");
    if (id < 1) {
      throw new IllegalArgumentException("changefeed IDs start at 1, got " + id);
    }
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0, got " + version);
    }
    if (category == Category.UPDATE && !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException(
          "an update record needs a lower-case hex sha256 of 64 characters, got \""
              + sha256
              + "\"");
    }
  }
}
