package dev.bulwark.builder.layer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds small layer tars for tests, including hostile ones. */
final class TestLayer {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar;

  TestLayer() {
    tar = new TarArchiveOutputStream(bytes, "UTF-8");
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  TestLayer dir(String name) {
    return add(new TarArchiveEntry(name, TarConstants.LF_DIR), null);
  }

  TestLayer file(String name, String content) {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    e.setSize(data.length);
    e.setMode(0100644);
    return add(e, data);
  }

  TestLayer symlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
    e.setLinkName(target);
    return add(e, null);
  }

  TestLayer hardlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
    e.setLinkName(target);
    return add(e, null);
  }

  TestLayer charDevice(String name) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_CHR);
    e.setDevMajor(1);
    e.setDevMinor(3);
    return add(e, null);
  }

  TestLayer add(TarArchiveEntry e, byte[] data) {
    try {
      tar.putArchiveEntry(e);
      if (data != null) {
        tar.write(data);
      }
      tar.closeArchiveEntry();
      return this;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  byte[] bytes() {
    try {
      tar.finish();
      return bytes.toByteArray();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  Path writeGzip(Path dir, String name) throws IOException {
    Path p = dir.resolve(name);
    try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(p))) {
      gz.write(bytes());
    }
    return p;
  }

  Path write(Path dir, String name) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes());
    return p;
  }
}
