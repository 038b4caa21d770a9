package dev.bulwark.trust.client;

import dev.bulwark.testkit.tuf.RepositorySimulator;
import dev.bulwark.trust.client.fetch.Fetcher;
import dev.bulwark.trust.client.store.DirectoryMetadataStore;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Metadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** A simulated repository plus a client metadata directory initialised with its first root. */
final class ClientFixture {
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  final RepositorySimulator repo = new RepositorySimulator(Clock.fixed(NOW, ZoneOffset.UTC));
  final Path metadataDir;
  final Path targetDir;
  final DirectoryMetadataStore store;
  Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  UpdaterConfig config = UpdaterConfig.defaults();
  Fetcher fetcher = new SimulatorFetcher(repo);

  ClientFixture(Path dir) {
    this.metadataDir = dir.resolve("metadata");
    this.targetDir = dir.resolve("targets");
    this.store = new DirectoryMetadataStore(metadataDir);
    try {
      Files.createDirectories(metadataDir);
      Files.createDirectories(targetDir);
      Files.write(metadataDir.resolve("root.json"), repo.initialRoot());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Updater updater() {
    return Updater.builder()
        .store(store)
        .layout(
            new TufRemoteLayout(SimulatorFetcher.METADATA, Optional.of(SimulatorFetcher.TARGETS)))
        .fetcher(fetcher)
        .clock(clock)
        .config(config)
        .build();
  }

  /** Runs a refresh with a new updater (as the CLI does for each invocation). */
  void refresh() throws Exception {
    updater().refresh();
  }

  /** The stored bytes of {@code role}, if any. */
  Optional<byte[]> stored(String role) {
    try {
      return store.read(role);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The version of the stored {@code role} metadata, or -1 if none. */
  long storedVersion(String role) {
    Optional<byte[]> bytes = stored(role);
    if (bytes.isEmpty()) {
      return -1;
    }
    try {
      return Metadata.parse(Dialect.TUF, bytes.get(), typeOf(role)).signed().version();
    } catch (MalformedMetadataException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<? extends dev.bulwark.trust.core.model.Signed> typeOf(String role) {
    return switch (role) {
      case "root" -> dev.bulwark.trust.core.model.Root.class;
      case "timestamp" -> dev.bulwark.trust.core.model.Timestamp.class;
      case "snapshot" -> dev.bulwark.trust.core.model.Snapshot.class;
      default -> dev.bulwark.trust.core.model.Targets.class;
    };
  }
}
