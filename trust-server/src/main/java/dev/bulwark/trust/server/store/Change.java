package dev.bulwark.trust.server.store;

import java.time.Instant;

/** One changefeed record: a timestamp write ({@code update}) or a deleted collection. */
public record Change(
    long id, Instant createdAt, String gun, int version, String sha256, String category) {
  public static final String UPDATE = "update";
  public static final String DELETION = "deletion";
}
