package dev.bulwark.oci.source;

import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.Digest;
import dev.bulwark.oci.ImageFormatException;
import dev.bulwark.oci.MediaTypes;
import dev.bulwark.oci.OciException;
import dev.bulwark.oci.internal.Json;
import dev.bulwark.oci.internal.VerifyingCopy;
import dev.bulwark.oci.layout.OciLayout;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.databind.JsonNode;

/**
 * An OCI layout packed as a tar (optionally gzipped), e.g. {@code skopeo copy ... oci-archive:}.
 * Importing streams every {@code blobs/<alg>/<hex>} entry into a layout, verifying it against its
 * own name, and merges the archive's {@code index.json}; other entries are ignored, so hostile
 * names ({@code ../x}) never become paths.
 */
public final class ArchiveImageSource {
  private static final int MAX_INDEX = 4 * 1024 * 1024;

  private ArchiveImageSource() {}

  /** Imports {@code archive} into {@code layout} and returns a source over that layout. */
  public static LayoutImageSource importInto(Path archive, OciLayout layout)
      throws IOException, OciException {
    byte[] index = null;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
        TarArchiveInputStream tar = new TarArchiveInputStream(maybeGunzip(raw))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        String name = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
        if (!e.isFile()) {
          continue;
        }
        if (name.equals("index.json")) {
          index = VerifyingCopy.readLimited(tar, MAX_INDEX, archive + " index.json");
        } else if (name.startsWith("blobs/")) {
          importBlob(layout, name, e.getSize(), tar, archive);
        }
      }
    }
    if (index == null) {
      throw new ImageFormatException(archive + ": not an OCI layout archive (no index.json)");
    }
    mergeIndex(layout, index, archive);
    return new LayoutImageSource(layout);
  }

  private static InputStream maybeGunzip(InputStream in) throws IOException {
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 64 * 1024) : in;
  }

  private static void importBlob(
      OciLayout layout, String name, long size, InputStream in, Path archive)
      throws IOException, OciException {
    String[] parts = name.split("/");
    if (parts.length != 3) {
      throw new ImageFormatException(archive + ": unexpected blob entry '" + name + "'");
    }
    Digest digest;
    try {
      digest = new Digest(parts[1], parts[2]);
    } catch (IllegalArgumentException e) {
      throw new ImageFormatException(archive + ": blob entry '" + name + "': " + e.getMessage());
    }
    layout.writeBlob(
        Descriptor.of("application/octet-stream", digest, size), in, archive + " " + name);
  }

  private static void mergeIndex(OciLayout layout, byte[] index, Path archive)
      throws IOException, ImageFormatException {
    JsonNode root = Json.object(index, archive + " index.json");
    List<JsonNode> entries = Json.array(root, "manifests", archive + " index.json");
    for (int i = 0; i < entries.size(); i++) {
      Descriptor d =
          Descriptor.fromJson(entries.get(i), archive + " index.json manifests[" + i + "]");
      String refName = d.annotations().get(MediaTypes.REF_NAME_ANNOTATION);
      if (refName != null) {
        layout.tag(refName, d);
      } else {
        layout.addManifest(d);
      }
    }
  }
}
