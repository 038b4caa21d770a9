package dev.bulwark.oci.layout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Packs an {@link OciLayout} into an OCI layout archive (a plain tar: {@code oci-layout}, {@code
 * index.json}, {@code blobs/...}), deterministically: sorted names, owner 0:0, fixed mtime. This is
 * the form in which images can ship inside Bulwark or beside a build file.
 */
public final class OciArchiveWriter {
  private OciArchiveWriter() {}

  /** Writes {@code layout} to {@code archive} (atomically replaced). */
  public static void write(OciLayout layout, Path archive) throws IOException {
    Path root = layout.root();
    List<Path> files;
    try (Stream<Path> s = Files.walk(root.resolve("blobs"))) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
    }
    Path parent = archive.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(parent, ".tmp-", ".partial");
    try {
      try (OutputStream out = Files.newOutputStream(tmp);
          TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        add(tar, root.resolve("oci-layout"), "oci-layout");
        add(tar, root.resolve("index.json"), "index.json");
        for (Path p : files) {
          add(tar, p, root.relativize(p).toString());
        }
        tar.finish();
      }
      Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void add(TarArchiveOutputStream tar, Path file, String name) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(Files.size(file));
    e.setMode(0100644);
    e.setUserId(0);
    e.setGroupId(0);
    e.setModTime(FileTime.from(LayerTarBuilder.DEFAULT_MTIME));
    tar.putArchiveEntry(e);
    Files.copy(file, tar);
    tar.closeArchiveEntry();
  }
}
