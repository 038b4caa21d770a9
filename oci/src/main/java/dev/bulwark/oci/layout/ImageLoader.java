package dev.bulwark.oci.layout;

import dev.bulwark.oci.BlobVerificationException;
import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.Digest;
import dev.bulwark.oci.Image;
import dev.bulwark.oci.ImageConfig;
import dev.bulwark.oci.ImageIndex;
import dev.bulwark.oci.ImageNotFoundException;
import dev.bulwark.oci.Layer;
import dev.bulwark.oci.Manifest;
import dev.bulwark.oci.ManifestDocument;
import dev.bulwark.oci.OciException;
import dev.bulwark.oci.PinnedRef;
import dev.bulwark.oci.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Walks pinned digest → (index → platform) manifest → config + layers inside one layout. */
final class ImageLoader {
  private final OciLayout layout;

  ImageLoader(OciLayout layout) {
    this.layout = layout;
  }

  Image load(PinnedRef ref, Platform platform) throws IOException, OciException {
    ManifestDocument top = readDocument(ref.digest(), null);
    Optional<ImageIndex> index = Optional.empty();
    Manifest manifest =
        switch (top) {
          case ImageIndex idx -> {
            index = Optional.of(idx);
            Descriptor chosen = idx.require(platform, ref);
            yield Manifest.require(readDocument(chosen.digest(), chosen), ref);
          }
          case Manifest m -> m;
        };
    ImageConfig config = ImageConfig.parse(layout.readBlob(manifest.config()));
    List<Layer> layers = new ArrayList<>();
    for (Descriptor d : manifest.layers()) {
      layers.add(new Layer(d, layout.verifiedBlob(d)));
    }
    return new Image(ref, index, manifest, config, layers);
  }

  /** Reads a manifest or index by digest; the top document's size comes from the file. */
  private ManifestDocument readDocument(Digest digest, Descriptor known)
      throws IOException, OciException {
    Descriptor d = known;
    if (d == null) {
      long size;
      try {
        size = Files.size(layout.blobPath(digest));
      } catch (NoSuchFileException e) {
        throw new ImageNotFoundException(
            "manifest " + digest + " is not in the layout at " + layout.root());
      }
      if (size > ManifestDocument.MAX_BYTES) {
        throw new BlobVerificationException(
            "manifest " + digest + " is " + size + " bytes, more than the limit");
      }
      d = Descriptor.of("application/octet-stream", digest, size);
    }
    return ManifestDocument.parse(layout.readBlob(d), known == null ? null : known.mediaType());
  }
}
