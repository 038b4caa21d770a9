package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.client.store.AtomicFiles;
import dev.bulwark.trust.client.store.MetadataStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The metadata cache of one GUN in a Notary-compatible trust dir: {@code
 * <trustDir>/tuf/<gun>/metadata/<role>.json}, delegations as {@code metadata/targets/<name>.json}
 * (the layout of the real client, so a trust dir can be shared with it). GUN and role names are
 * validated ({@link Gun}, {@link NotaryLayout#isValidRole}) so no path escapes the directory.
 */
public final class NotaryTrustDir implements MetadataStore {
  private final Path metadataDir;

  public NotaryTrustDir(Path trustDir, Gun gun) {
    Objects.requireNonNull(trustDir, "trustDir");
    this.metadataDir = trustDir.resolve("tuf").resolve(gun.name()).resolve("metadata");
  }

  /** {@code <trustDir>/tuf/<gun>/metadata}. */
  public Path metadataDir() {
    return metadataDir;
  }

  /** The file of {@code role}. */
  public Path pathOf(String role) {
    return metadataDir.resolve(NotaryLayout.checkedRole(role) + ".json");
  }

  @Override
  public Optional<byte[]> read(String role) throws IOException {
    try {
      return Optional.of(Files.readAllBytes(pathOf(role)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public void write(String role, byte[] bytes) throws IOException {
    Path p = pathOf(role);
    Files.createDirectories(p.getParent());
    AtomicFiles.write(p, bytes);
  }

  @Override
  public void delete(String role) throws IOException {
    Files.deleteIfExists(pathOf(role));
  }
}
