package dev.bulwark.builder.assemble;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Copies a clean (flattened) tar into the rootfs as is, e.g. the kernel's modules. */
final class ImageSectionCopy {
  private ImageSectionCopy() {}

  static void copyAll(RootfsWriter w, Path clean, Origin o) throws IOException {
    try (TarArchiveInputStream in =
        new TarArchiveInputStream(
            new BufferedInputStream(Files.newInputStream(clean), 1 << 16), "UTF-8")) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        String link = e.isLink() || e.isSymbolicLink() ? e.getLinkName() : "";
        w.copy(e, in, e.getName(), link, o);
      }
    }
  }
}
