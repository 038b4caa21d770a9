package dev.bulwark.trust.client;

import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.TargetFile;
import java.net.URI;

/**
 * Where a repository keeps its files: the seam between the TUF workflow and a concrete remote.
 * {@link TufRemoteLayout} is the TUF 1.0 layout (§3.1, §6.2.1); a Notary layout maps the same
 * requests to {@code /v2/<gun>/_trust/tuf/<role>.<sha256>.json}. The updater never builds a URL
 * itself.
 */
public interface RemoteLayout {

  /** TUF 5.3.3: the root file of exactly {@code version} (always versioned). */
  URI root(long version);

  /** TUF 5.4.1: the current timestamp (never versioned or hashed). */
  URI timestamp();

  /**
   * TUF 5.5.1 / 5.6.1: the snapshot or a targets role, as described by the trusted {@code meta}
   * entry that refers to it (version for TUF consistent snapshots, hashes for Notary).
   *
   * @param role role name, not yet encoded ({@code "snapshot"}, {@code "targets"}, {@code "a/b"})
   * @param consistentSnapshot the trusted root's {@code consistent_snapshot}
   */
  URI metadata(String role, MetaFile meta, boolean consistentSnapshot);

  /**
   * TUF 5.7.3: a target file. Returns {@link java.util.Optional#empty()} when this layout has no
   * target store (Notary: targets name image digests, never files).
   *
   * @param hashPrefix whether to name the file {@code dir/HASH.name} (consistent snapshots)
   */
  java.util.Optional<URI> target(String targetPath, TargetFile target, boolean hashPrefix);
}
