package dev.bulwark.trust.client;

import dev.bulwark.trust.client.fetch.DownloadException;
import dev.bulwark.trust.client.fetch.Fetcher;
import dev.bulwark.trust.client.store.MetadataStore;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Snapshot;
import dev.bulwark.trust.core.model.Targets;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/** TUF 5.6: loads one targets role, from memory, the local store, or the repository. */
final class TargetsLoader {
  private static final System.Logger LOG = System.getLogger(TargetsLoader.class.getName());

  private final TrustedMetadataSet set;
  private final MetadataStore store;
  private final RemoteLayout layout;
  private final Fetcher fetcher;
  private final UpdaterConfig config;

  TargetsLoader(
      TrustedMetadataSet set,
      MetadataStore store,
      RemoteLayout layout,
      Fetcher fetcher,
      UpdaterConfig config) {
    this.set = set;
    this.store = store;
    this.layout = layout;
    this.fetcher = fetcher;
    this.config = config;
  }

  /**
   * The trusted metadata of {@code role} as delegated by {@code delegator} ("root" for targets).
   */
  Metadata<Targets> load(String role, String delegator)
      throws TrustException, DownloadException, IOException {
    Optional<Metadata<Targets>> inMemory = set.trustedTargetsVia(role, delegator);
    if (inMemory.isPresent()) {
      return inMemory.get();
    }
    Optional<byte[]> local = store.read(role);
    if (local.isPresent()) {
      try {
        return set.updateTargets(local.get(), role, delegator);
      } catch (TrustException e) {
        LOG.log(System.Logger.Level.DEBUG, "local {0} not usable: {1}", role, e.getMessage());
      }
    }
    Snapshot snapshot = set.snapshot().orElseThrow().signed();
    // TUF 5.6.4: a role the snapshot does not list is never fetched.
    MetaFile meta =
        snapshot
            .metaFor(role)
            .orElseThrow(() -> new RoleNotInSnapshotException(role, snapshot.version()));
    URI uri = layout.metadata(role, meta, set.root().signed().consistentSnapshot());
    byte[] bytes = fetcher.fetch(uri, meta.length().orElse(config.targetsMaxLength())); // 5.6.1
    Metadata<Targets> md = set.updateTargets(bytes, role, delegator);
    store.write(role, bytes); // TUF 5.6.6
    return md;
  }
}
