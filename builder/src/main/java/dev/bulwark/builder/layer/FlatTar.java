package dev.bulwark.builder.layer;

import java.io.OutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** The tar dialect Bulwark writes: PAX for long names, big numbers and non-ASCII names. */
public final class FlatTar {
  private FlatTar() {}

  public static TarArchiveOutputStream output(OutputStream out) {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, "UTF-8");
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    return tar;
  }
}
