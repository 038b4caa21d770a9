package dev.bulwark.trust.client.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A directory of {@code <encoded-role>.json} files (see {@link RoleNames#encode}), each holding the
 * exact bytes received for that role.
 */
public final class DirectoryMetadataStore implements MetadataStore {
  private final Path dir;

  public DirectoryMetadataStore(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  /** The directory this store writes to. */
  public Path directory() {
    return dir;
  }

  /** The file that holds {@code role}. */
  public Path pathOf(String role) {
    return dir.resolve(RoleNames.encode(role) + ".json");
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
    AtomicFiles.write(pathOf(role), bytes);
  }

  @Override
  public void delete(String role) throws IOException {
    Files.deleteIfExists(pathOf(role));
  }
}
