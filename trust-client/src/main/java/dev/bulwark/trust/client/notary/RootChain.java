package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.client.fetch.DownloadException;
import dev.bulwark.trust.core.error.RollbackException;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Root;
import java.time.Instant;
import java.util.Optional;

/**
 * Obtains a trusted root: on first use ({@code root.json} + trust pinning) and on rotation (the
 * newest root, and if it is not signed by the trusted root's keys, every version in between as
 * {@code <n>.root.json}, each validated against its predecessor; research/notary.md §3.6).
 */
final class RootChain {
  /** No chain walk longer than this (a hostile server could announce version 2^62). */
  static final long MAX_ROOT_STEPS = 1024;

  private final NotaryRemote remote;
  private final Gun gun;
  private final RootValidator validator;
  private final Instant now;

  RootChain(NotaryRemote remote, Gun gun, RootValidator validator, Instant now) {
    this.remote = remote;
    this.gun = gun;
    this.validator = validator;
    this.now = now;
  }

  /** First use: the current root.json, checked against trust pinning (TOFU if nothing pinned). */
  Metadata<Root> bootstrap() throws TrustException, DownloadException {
    byte[] raw =
        remote
            .current(gun, "root", NotaryRemote.MAX_UNKNOWN_SIZE)
            .orElseThrow(() -> new NoTrustDataException(gun));
    Metadata<Root> root = Metadata.parseRoot(Dialect.NOTARY, raw);
    validator.validate(Optional.empty(), root, now);
    root.checkNotExpired("root", now);
    return root;
  }

  /**
   * The newest root after {@code trusted}: the one {@code listed} in the snapshot (fetched by hash)
   * or else the current root.json.
   */
  Metadata<Root> update(Metadata<Root> trusted, Optional<MetaFile> listed)
      throws TrustException, DownloadException {
    byte[] raw =
        listed.isPresent()
            ? remote.described(gun, "root", listed.get())
            : remote
                .current(gun, "root", NotaryRemote.MAX_UNKNOWN_SIZE)
                .orElseThrow(() -> new NoTrustDataException(gun));
    Metadata<Root> newest = Metadata.parseRoot(Dialect.NOTARY, raw);
    if (listed.isPresent()) {
      newest.checkAgainst(listed.get(), "root");
    }
    long from = trusted.signed().version();
    long to = newest.signed().version();
    if (to < from) {
      throw new RollbackException(
          "root of " + gun + ": server offers version " + to + ", trusted version is " + from);
    }
    try {
      validator.validate(Optional.of(trusted), newest, now);
    } catch (RootRotationException e) {
      validator.validate(Optional.of(walk(trusted, to)), newest, now);
    }
    // TUF 5.3.10: only the final root must be unexpired.
    newest.checkNotExpired("root", now);
    return newest;
  }

  // Notary: download <n>.root.json for every version between trusted and newest.
  private Metadata<Root> walk(Metadata<Root> trusted, long to)
      throws TrustException, DownloadException {
    long from = trusted.signed().version();
    if (to - from > MAX_ROOT_STEPS) {
      throw new RollbackException(
          "root of "
              + gun
              + ": refusing to walk "
              + (to - from)
              + " versions (limit "
              + MAX_ROOT_STEPS
              + ")");
    }
    Metadata<Root> current = trusted;
    for (long n = from + 1; n < to; n++) {
      Metadata<Root> next = Metadata.parseRoot(Dialect.NOTARY, remote.version(gun, "root", n));
      if (next.signed().version() != n) {
        throw new RollbackException(
            n + ".root.json of " + gun + " has version " + next.signed().version());
      }
      validator.validate(Optional.of(current), next, now);
      current = next;
    }
    return current;
  }
}
