package dev.bulwark.oci;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One layer of a pulled image: its descriptor and the verified blob file in the local cache.
 *
 * @param blob path of the (possibly compressed) blob; read-only, shared with other images
 */
public record Layer(Descriptor descriptor, Path blob) {

  /** Opens the layer as an uncompressed tar stream (gzip is undone; zstd is not supported). */
  public InputStream openTar() throws IOException, ImageFormatException {
    String type = descriptor.mediaType();
    InputStream raw = new BufferedInputStream(Files.newInputStream(blob), 64 * 1024);
    if (MediaTypes.isGzipLayer(type)) {
      return new GZIPInputStream(raw, 64 * 1024);
    }
    if (MediaTypes.isPlainLayer(type)
        || type.equals("application/vnd.docker.image.rootfs.diff.tar")) {
      return raw;
    }
    raw.close();
    throw new ImageFormatException(
        "layer " + descriptor.digest() + " has unsupported media type '" + type + "'");
  }
}
