package dev.bulwark.builder.assemble;

import dev.bulwark.builder.layer.FlatTar;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The single rootfs tar stream. Generated entries carry LinuxKit's fixed mtime, owner 0:0 and no
 * user names; every entry carries its origin as PAX records, like LinuxKit's.
 */
public final class RootfsWriter implements Closeable {
  /** LinuxKit's {@code defaultModTime}. */
  public static final FileTime DEFAULT_MTIME = FileTime.from(Instant.parse("2017-04-18T16:30:00Z"));

  private final TarArchiveOutputStream tar;

  public RootfsWriter(OutputStream out) {
    this.tar = FlatTar.output(out);
  }

  void dir(String path, int mode, long uid, long gid, Origin o) throws IOException {
    TarArchiveEntry e = generated(path + "/", TarConstants.LF_DIR, mode, uid, gid);
    put(e, null, o);
  }

  void file(String path, byte[] data, int mode, long uid, long gid, Origin o) throws IOException {
    TarArchiveEntry e = generated(path, TarConstants.LF_NORMAL, mode, uid, gid);
    e.setSize(data.length);
    put(e, new java.io.ByteArrayInputStream(data), o);
  }

  void symlink(String path, String target, Origin o) throws IOException {
    TarArchiveEntry e = generated(path, TarConstants.LF_SYMLINK, 0777, 0, 0);
    e.setLinkName(target);
    put(e, null, o);
  }

  /** Each component of {@code prefix} ({@code a/b/c/}) as a 0755 directory. */
  void prefixDirs(String prefix, Origin o) throws IOException {
    int i = prefix.indexOf('/');
    while (i > 0) {
      dir(prefix.substring(0, i), 0755, 0, 0, o);
      i = prefix.indexOf('/', i + 1);
    }
  }

  /** Copies an image entry under a new name (and link name), keeping its mode, owner and mtime. */
  void copy(TarArchiveEntry src, InputStream data, String name, String link, Origin o)
      throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, src.getLinkFlag(), true);
    e.setMode(src.getMode());
    e.setUserId(src.getLongUserId());
    e.setGroupId(src.getLongGroupId());
    e.setUserName(src.getUserName());
    e.setGroupName(src.getGroupName());
    e.setModTime(src.getLastModifiedTime());
    if (!link.isEmpty()) {
      e.setLinkName(link);
    }
    if (src.isFile() && !src.isLink()) {
      e.setSize(src.getSize());
    }
    put(e, src.isFile() && !src.isLink() ? data : null, o);
  }

  private static TarArchiveEntry generated(String name, byte flag, int mode, long uid, long gid) {
    TarArchiveEntry e = new TarArchiveEntry(name, flag, true);
    e.setMode((e.getMode() & ~07777) | mode);
    e.setUserId(uid);
    e.setGroupId(gid);
    e.setUserName("");
    e.setGroupName("");
    e.setModTime(DEFAULT_MTIME);
    return e;
  }

  private void put(TarArchiveEntry e, InputStream data, Origin o) throws IOException {
    e.addPaxHeader("LINUXKIT.source", o.source());
    e.addPaxHeader("LINUXKIT.location", o.location());
    tar.putArchiveEntry(e);
    if (data != null) {
      long n = data.transferTo(tar);
      if (n != e.getSize()) {
        throw new IOException(
            "entry " + e.getName() + ": expected " + e.getSize() + " bytes, got " + n);
      }
    }
    tar.closeArchiveEntry();
  }

  public void finish() throws IOException {
    tar.finish();
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }
}
