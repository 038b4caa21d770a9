package dev.bulwark.builder.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code files}. At most one of contents, source and metadata is set; a directory or
 * symlink has none. {@code uid}/{@code gid} are a {@link Long} or a container name.
 */
public record FileEntry(
    String path,
    boolean directory,
    Optional<String> symlink,
    Optional<String> contents,
    Optional<String> source,
    Optional<String> metadata,
    boolean optional,
    int mode,
    Object uid,
    Object gid,
    Where where) {
  public FileEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(symlink, "symlink");
    Objects.requireNonNull(contents, "contents");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(gid, "gid");
    Objects.requireNonNull(where, "where");
    if (mode < 0 || mode > 07777) {
      throw new IllegalArgumentException("file mode out of range: " + Integer.toOctalString(mode));
    }
  }
}
