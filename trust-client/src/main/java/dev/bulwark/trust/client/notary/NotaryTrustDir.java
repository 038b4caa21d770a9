package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.client.store.FileMetadataStore;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The metadata cache of one GUN in a Notary-compatible trust dir: {@code
 * <trustDir>/tuf/<gun>/metadata/<role>.json}, delegations as {@code metadata/targets/<name>.json}
 * (the layout of the real client, so a trust dir can be shared with it). GUN and role names are
 * validated ({@link Gun}, {@link NotaryLayout#isValidRole}) so no path escapes the directory.
 */
public final class NotaryTrustDir extends FileMetadataStore {
  private final Path metadataDir;

  public NotaryTrustDir(Path trustDir, Gun gun) {
    Objects.requireNonNull(trustDir, "trustDir");
    this.metadataDir = trustDir.resolve("tuf").resolve(gun.name()).resolve("metadata");
  }

  /** {@code <trustDir>/tuf/<gun>/metadata}. */
  public Path metadataDir() {
    return metadataDir;
  }

  @Override
  public Path pathOf(String role) {
    return metadataDir.resolve(NotaryLayout.checkedRole(role) + ".json");
  }
}
