package dev.bulwark.trust.client;

import dev.bulwark.trust.client.fetch.DownloadException;
import dev.bulwark.trust.client.fetch.Fetcher;
import dev.bulwark.trust.client.store.AtomicFiles;
import dev.bulwark.trust.client.store.MetadataStore;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.MetaFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The TUF client workflow (spec §5), written once for both dialects. {@link #refresh()} brings the
 * top-level metadata up to date (5.1-5.6); {@link #findTarget} searches delegations (5.6.7); {@link
 * #download} fetches and verifies a target file (5.7). All verification happens in a {@link
 * TrustedMetadataSet}; this class only moves bytes between the {@link Fetcher}, the {@link
 * MetadataStore} and that state machine. Every metadata file is persisted only after it verified,
 * as exactly the bytes received. Not thread-safe; one instance per update.
 */
public final class Updater {
  private static final System.Logger LOG = System.getLogger(Updater.class.getName());

  private final MetadataStore store;
  private final RemoteLayout layout;
  private final Fetcher fetcher;
  private final Dialect dialect;
  private final UpdaterConfig config;
  private final Clock clock;
  private final RootValidator rootValidator;
  private final Optional<byte[]> bootstrapRoot;
  private TrustedMetadataSet trusted;

  private Updater(Builder b) {
    this.store = Objects.requireNonNull(b.store, "store");
    this.layout = Objects.requireNonNull(b.layout, "layout");
    this.fetcher = Objects.requireNonNull(b.fetcher, "fetcher");
    this.dialect = b.dialect;
    this.config = b.config;
    this.clock = b.clock;
    this.rootValidator = b.rootValidator;
    this.bootstrapRoot = b.bootstrapRoot;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * TUF 5.1-5.6: loads the trusted root, rotates it as far as the repository goes, then updates
   * timestamp, snapshot and top-level targets. On failure, what was already verified stays
   * persisted and nothing unverified is written.
   *
   * @throws TrustException the repository sent bad, stale or badly signed metadata
   * @throws DownloadException a file could not be downloaded (including over-long and slow ones)
   * @throws IOException the local metadata store failed
   */
  public void refresh() throws TrustException, DownloadException, IOException {
    trusted = null;
    TrustedMetadataSet set =
        new TrustedMetadataSet(trustedRootBytes(), clock.instant(), dialect, rootValidator);
    new RootRotation(set, store, layout, fetcher, config).run(); // TUF 5.3
    set.checkRootNotExpired(); // TUF 5.3.10
    updateTimestamp(set);
    updateSnapshot(set);
    new TargetsLoader(set, store, layout, fetcher, config).load("targets", "root");
    trusted = set;
  }

  // TUF 5.2: the stored root, or the bootstrap root (persisted once it verified).
  private byte[] trustedRootBytes() throws IOException, TrustException {
    Optional<byte[]> stored = store.read("root");
    if (stored.isPresent()) {
      return stored.get();
    }
    if (bootstrapRoot.isEmpty()) {
      throw new TrustException("no trusted root: expected root metadata in the local store");
    }
    byte[] root = bootstrapRoot.get();
    new TrustedMetadataSet(root, clock.instant(), dialect, rootValidator);
    store.write("root", root);
    return root;
  }

  // TUF 5.4: the local timestamp (if it still verifies) is the rollback reference.
  private void updateTimestamp(TrustedMetadataSet set)
      throws TrustException, DownloadException, IOException {
    Optional<byte[]> local = store.read("timestamp");
    if (local.isPresent()) {
      try {
        set.updateTimestamp(local.get());
      } catch (TrustException e) {
        LOG.log(System.Logger.Level.DEBUG, "local timestamp not usable: {0}", e.getMessage());
      }
    }
    byte[] bytes = fetcher.fetch(layout.timestamp(), config.timestampMaxLength());
    if (set.updateTimestamp(bytes)) {
      store.write("timestamp", bytes); // TUF 5.4.5
    }
  }

  // TUF 5.5: keep the local snapshot if it is the one the timestamp names, else download.
  private void updateSnapshot(TrustedMetadataSet set)
      throws TrustException, DownloadException, IOException {
    Optional<byte[]> local = store.read("snapshot");
    if (local.isPresent()) {
      try {
        set.updateSnapshot(local.get(), true);
        return;
      } catch (TrustException e) {
        LOG.log(System.Logger.Level.DEBUG, "local snapshot not usable: {0}", e.getMessage());
      }
    }
    MetaFile meta = set.timestamp().orElseThrow().signed().snapshotMeta();
    boolean consistent = set.root().signed().consistentSnapshot();
    URI uri = layout.metadata("snapshot", meta, consistent);
    byte[] bytes = fetcher.fetch(uri, meta.length().orElse(config.snapshotMaxLength()));
    set.updateSnapshot(bytes, false);
    store.write("snapshot", bytes); // TUF 5.5.7
  }

  /**
   * TUF 5.6.7: searches the delegation tree for {@code targetPath} (pre-order depth-first, in
   * delegation order, honouring terminating delegations and {@link
   * UpdaterConfig#maxDelegations()}), loading and persisting delegated roles as needed. Refreshes
   * first if this updater has not refreshed yet.
   *
   * @throws TargetNotFoundException no reachable role lists the target
   */
  public TargetInfo findTarget(String targetPath)
      throws TrustException, DownloadException, IOException {
    TrustedMetadataSet set = refreshed();
    TargetsLoader loader = new TargetsLoader(set, store, layout, fetcher, config);
    return new DelegationSearch(loader, dialect, config.maxDelegations()).find(targetPath);
  }

  /**
   * Every target listed by the top-level targets role and the roles it delegates to (pre-order, at
   * most {@code maxRoles} roles); a path listed by several roles keeps the first (highest priority)
   * entry. A delegated role's entries count only for paths delegated along its chain.
   */
  public Map<String, TargetInfo> listTargets(int maxRoles)
      throws TrustException, DownloadException, IOException {
    TrustedMetadataSet set = refreshed();
    TargetsLoader loader = new TargetsLoader(set, store, layout, fetcher, config);
    return new DelegationSearch(loader, dialect, maxRoles).listAll();
  }

  /**
   * TUF 5.7.3: downloads {@code target} (at most its length), verifies length and every supported
   * hash, and writes it atomically to {@code destination}. Nothing is written if verification
   * fails.
   */
  public Path download(TargetInfo target, Path destination)
      throws TrustException, DownloadException, IOException {
    TrustedMetadataSet set = refreshed();
    boolean prefix = config.prefixTargetsWithHash() && set.root().signed().consistentSnapshot();
    URI uri =
        layout
            .target(target.path(), target.file(), prefix)
            .orElseThrow(() -> new IllegalStateException("this layout has no target file store"));
    byte[] bytes = fetcher.fetch(uri, target.file().length());
    target.file().verify(bytes, target.path());
    AtomicFiles.write(destination, bytes);
    return destination;
  }

  /**
   * The local copy at {@code destination} if it already has the target's length and hashes (so it
   * need not be downloaded again).
   */
  public static Optional<Path> findCached(TargetInfo target, Path destination) throws IOException {
    if (!Files.isRegularFile(destination) || Files.size(destination) != target.file().length()) {
      return Optional.empty();
    }
    try {
      target.file().verify(Files.readAllBytes(destination), target.path());
      return Optional.of(destination);
    } catch (TrustException e) {
      return Optional.empty();
    }
  }

  /** The metadata trusted by the last successful {@link #refresh()}. */
  public Optional<TrustedMetadataSet> trustedMetadata() {
    return Optional.ofNullable(trusted);
  }

  private TrustedMetadataSet refreshed() throws TrustException, DownloadException, IOException {
    if (trusted == null) {
      refresh();
    }
    return trusted;
  }

  /** Builds an {@link Updater}; store, layout and fetcher are required. */
  public static final class Builder {
    private MetadataStore store;
    private RemoteLayout layout;
    private Fetcher fetcher;
    private Dialect dialect = Dialect.TUF;
    private UpdaterConfig config = UpdaterConfig.defaults();
    private Clock clock = Clock.systemUTC();
    private RootValidator rootValidator = RootValidator.NONE;
    private Optional<byte[]> bootstrapRoot = Optional.empty();

    private Builder() {}

    /** Where trusted metadata is read from and persisted to. */
    public Builder store(MetadataStore store) {
      this.store = store;
      return this;
    }

    /** Where the repository keeps metadata and targets. */
    public Builder layout(RemoteLayout layout) {
      this.layout = layout;
      return this;
    }

    public Builder fetcher(Fetcher fetcher) {
      this.fetcher = fetcher;
      return this;
    }

    /** TUF (default) or Notary metadata rules. */
    public Builder dialect(Dialect dialect) {
      this.dialect = Objects.requireNonNull(dialect);
      return this;
    }

    public Builder config(UpdaterConfig config) {
      this.config = Objects.requireNonNull(config);
      return this;
    }

    /** The clock read once per refresh (TUF 5.1). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** Extra root checks (Notary trust pinning). */
    public Builder rootValidator(RootValidator validator) {
      this.rootValidator = Objects.requireNonNull(validator);
      return this;
    }

    /**
     * Root bytes to trust when the store holds no root yet (obtained out of band, or TOFU after
     * pinning checks); persisted once they verify.
     */
    public Builder bootstrapRoot(byte[] root) {
      this.bootstrapRoot = Optional.of(root.clone());
      return this;
    }

    public Updater build() {
      return new Updater(this);
    }
  }
}
