package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.client.fetch.DownloadException;
import dev.bulwark.trust.client.fetch.Fetcher;
import dev.bulwark.trust.client.fetch.RemoteNotFoundException;
import dev.bulwark.trust.client.store.MetadataStore;
import dev.bulwark.trust.core.error.HashMismatchException;
import dev.bulwark.trust.core.error.LengthMismatchException;
import dev.bulwark.trust.core.model.MetaFile;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A Notary server seen through a {@link Fetcher}: downloads a role of a GUN as current, by checksum
 * or by version, with Notary's size limits.
 *
 * @param layout URL layout
 * @param fetcher transport (HTTPS, or files for tests)
 */
public record NotaryRemote(NotaryLayout layout, Fetcher fetcher) {
  /** Notary: timestamp.json at most 1 MiB. */
  public static final long MAX_TIMESTAMP_SIZE = 1L << 20;

  /** Root (and anything without a listed length): 10 MiB (Notary allows 100 MiB). */
  public static final long MAX_UNKNOWN_SIZE = 10L << 20;

  public NotaryRemote {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(fetcher, "fetcher");
  }

  /** The current version of {@code role}, or empty on 404. */
  public Optional<byte[]> current(Gun gun, String role, long maxLength) throws DownloadException {
    return optional(layout.current(gun, role), maxLength);
  }

  /**
   * The version described by {@code meta}: by its sha256 when listed (Notary clients always fetch
   * by hash), else the current version; bounded by the listed length.
   */
  public byte[] described(Gun gun, String role, MetaFile meta) throws DownloadException {
    long max = meta.length().orElse(MAX_UNKNOWN_SIZE);
    Optional<byte[]> sha = meta.hashes().get("sha256");
    URI uri = sha.isPresent() ? layout.byChecksum(gun, role, sha.get()) : layout.current(gun, role);
    return fetcher.fetch(uri, max);
  }

  /**
   * Like {@link #described(Gun, String, MetaFile)} but answers from {@code cache} when the cached
   * bytes already have the listed sha256 and length (Notary's client does the same), so an
   * unchanged collection costs one request (timestamp.json). The caller verifies either way.
   */
  public byte[] described(Gun gun, String role, MetaFile meta, MetadataStore cache)
      throws DownloadException, IOException {
    Optional<byte[]> cached = cache.read(role);
    if (cached.isPresent() && meta.hashes().get("sha256").isPresent()) {
      try {
        meta.verify(cached.get(), role);
        return cached.get();
      } catch (LengthMismatchException | HashMismatchException e) {
        // changed on the server: download below
      }
    }
    return described(gun, role, meta);
  }

  /** {@code <n>.<role>.json}. */
  public byte[] version(Gun gun, String role, long version) throws DownloadException {
    return fetcher.fetch(layout.byVersion(gun, role, version), MAX_UNKNOWN_SIZE);
  }

  private Optional<byte[]> optional(URI uri, long max) throws DownloadException {
    try {
      return Optional.of(fetcher.fetch(uri, max));
    } catch (RemoteNotFoundException e) {
      return Optional.empty();
    }
  }
}
