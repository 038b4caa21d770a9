package dev.bulwark.oci.layout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Builds a layer tar deterministically: entries in the order added, owner 0:0, a fixed mtime
 * (LinuxKit's 2017-04-18T16:30:00Z unless changed), PAX headers for long names.
 */
public final class LayerTarBuilder {
  public static final Instant DEFAULT_MTIME = Instant.parse("2017-04-18T16:30:00Z");
  private final List<TarArchiveEntry> entries = new ArrayList<>();
  private final List<byte[]> contents = new ArrayList<>();
  private Instant mtime = DEFAULT_MTIME;

  public LayerTarBuilder mtime(Instant time) {
    this.mtime = time;
    return this;
  }

  public LayerTarBuilder directory(String name, int mode) {
    TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
    e.setMode(040000 | mode);
    return add(e, new byte[0]);
  }

  public LayerTarBuilder file(String name, int mode, byte[] content) {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(0100000 | mode);
    e.setSize(content.length);
    return add(e, content.clone());
  }

  public LayerTarBuilder symlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
    e.setLinkName(target);
    e.setMode(0120777);
    return add(e, new byte[0]);
  }

  /** Adds every file, directory and symlink under {@code dir} (sorted, paths relative to it). */
  public LayerTarBuilder directoryTree(Path dir) throws IOException {
    List<Path> paths;
    try (Stream<Path> s = Files.walk(dir)) {
      paths = s.filter(p -> !p.equals(dir)).sorted().toList();
    }
    for (Path p : paths) {
      String name = dir.relativize(p).toString();
      if (Files.isSymbolicLink(p)) {
        symlink(name, Files.readSymbolicLink(p).toString());
      } else if (Files.isDirectory(p)) {
        directory(name, mode(p));
      } else {
        file(name, mode(p), Files.readAllBytes(p));
      }
    }
    return this;
  }

  private static int bit(PosixFilePermission perm) {
    return switch (perm) {
      case OWNER_READ -> 0400;
      case OWNER_WRITE -> 0200;
      case OWNER_EXECUTE -> 0100;
      case GROUP_READ -> 040;
      case GROUP_WRITE -> 020;
      case GROUP_EXECUTE -> 010;
      case OTHERS_READ -> 04;
      case OTHERS_WRITE -> 02;
      case OTHERS_EXECUTE -> 01;
    };
  }

  private static int mode(Path p) throws IOException {
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
    int m = 0;
    for (PosixFilePermission perm : perms) {
      m |= bit(perm);
    }
    return m;
  }

  private LayerTarBuilder add(TarArchiveEntry e, byte[] content) {
    e.setUserId(0);
    e.setGroupId(0);
    e.setUserName("");
    e.setGroupName("");
    e.setModTime(FileTime.from(mtime));
    entries.add(e);
    contents.add(content);
    return this;
  }

  /** The tar bytes. */
  public byte[] build() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (int i = 0; i < entries.size(); i++) {
        tar.putArchiveEntry(entries.get(i));
        tar.write(contents.get(i));
        tar.closeArchiveEntry();
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory tar failed", e);
    }
    return bytes.toByteArray();
  }
}
