package dev.bulwark.trust.client.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A directory of {@code <encoded-role>.json} files (see {@link RoleNames#encode}), each holding the
 * exact bytes received for that role.
 */
public final class DirectoryMetadataStore extends FileMetadataStore {
  private final Path dir;

  public DirectoryMetadataStore(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  /** The directory this store writes to. */
  public Path directory() {
    return dir;
  }

  @Override
  public Path pathOf(String role) {
    return dir.resolve(RoleNames.encode(role) + ".json");
  }
}
