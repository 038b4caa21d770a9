package dev.bulwark.trust.client;

import dev.bulwark.trust.client.fetch.DownloadException;
import dev.bulwark.trust.client.fetch.Fetcher;
import dev.bulwark.trust.client.fetch.RemoteNotFoundException;
import dev.bulwark.trust.client.store.MetadataStore;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Root;
import java.io.IOException;

/** TUF 5.3: the root update loop, bounded by {@link UpdaterConfig#maxRootRotations()}. */
final class RootRotation {
  private final TrustedMetadataSet set;
  private final MetadataStore store;
  private final RemoteLayout layout;
  private final Fetcher fetcher;
  private final UpdaterConfig config;

  RootRotation(
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

  void run() throws TrustException, DownloadException, IOException {
    long first = set.root().signed().version() + 1;
    for (long v = first; v < first + config.maxRootRotations(); v++) {
      byte[] bytes;
      try {
        bytes = fetcher.fetch(layout.root(v), config.rootMaxLength()); // TUF 5.3.3
      } catch (RemoteNotFoundException e) {
        return; // TUF 5.3.3: no newer root; go to 5.3.10
      }
      Metadata<Root> previous = set.root();
      Metadata<Root> next = set.updateRoot(bytes); // TUF 5.3.4-5.3.7
      store.write("root", bytes); // TUF 5.3.8: persist exactly the bytes received
      forgetOnKeyRotation(previous, next);
    }
  }

  // TUF 5.3.11: after a timestamp or snapshot key rotation the stored timestamp and snapshot no
  // longer count as rollback references (fast-forward attack recovery).
  private void forgetOnKeyRotation(Metadata<Root> previous, Metadata<Root> next)
      throws IOException {
    if (changed(previous, next, RoleType.TIMESTAMP) || changed(previous, next, RoleType.SNAPSHOT)) {
      store.delete("timestamp");
      store.delete("snapshot");
    }
  }

  private static boolean changed(Metadata<Root> a, Metadata<Root> b, RoleType type) {
    return !a.signed().role(type).equals(b.signed().role(type));
  }
}
