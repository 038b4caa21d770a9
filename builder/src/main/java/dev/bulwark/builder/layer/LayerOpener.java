package dev.bulwark.builder.layer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Opens a layer blob as a tar stream: gzip-compressed or plain; anything else is refused. */
final class LayerOpener {
  private LayerOpener() {}

  static TarArchiveInputStream open(Path blob) throws IOException, LayerException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(blob), 1 << 16);
    raw.mark(4);
    int b0 = raw.read();
    int b1 = raw.read();
    int b2 = raw.read();
    int b3 = raw.read();
    raw.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new TarArchiveInputStream(
          new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16), "UTF-8");
    }
    if (b0 == 0x28 && b1 == 0xb5 && b2 == 0x2f && b3 == 0xfd) {
      raw.close();
      throw new LayerException(blob.getFileName() + ": zstd-compressed layers are not supported");
    }
    return new TarArchiveInputStream(raw, "UTF-8");
  }
}
