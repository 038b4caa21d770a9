package dev.bulwark.trust.client.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@link MetadataStore} of one file per role holding the exact bytes received, written
 * atomically. Subclasses decide only where a role's file lives ({@link #pathOf}), and must make
 * sure no role name leads outside their directory.
 */
public abstract class FileMetadataStore implements MetadataStore {

  /** The file that holds {@code role}. */
  public abstract Path pathOf(String role);

  @Override
  public final Optional<byte[]> read(String role) throws IOException {
    try {
      return Optional.of(Files.readAllBytes(pathOf(role)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public final void write(String role, byte[] bytes) throws IOException {
    Path p = pathOf(role);
    Files.createDirectories(p.getParent());
    AtomicFiles.write(p, bytes);
  }

  @Override
  public final void delete(String role) throws IOException {
    Files.deleteIfExists(pathOf(role));
  }
}
