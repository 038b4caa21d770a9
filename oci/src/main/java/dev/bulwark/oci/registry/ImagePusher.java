package dev.bulwark.oci.registry;

import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.Digest;
import dev.bulwark.oci.ImageIndex;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.Manifest;
import dev.bulwark.oci.ManifestDocument;
import dev.bulwark.oci.OciException;
import dev.bulwark.oci.layout.OciLayout;
import java.io.IOException;

/** Pushes an image or index from a layout: blobs first, children by digest, the top last. */
final class ImagePusher {
  private final RegistryCaller caller;
  private final OciLayout source;

  ImagePusher(RegistryCaller caller, OciLayout source) {
    this.caller = caller;
    this.source = source;
  }

  Digest push(Descriptor top, ImageReference target) throws IOException, OciException {
    ManifestDocument doc = pushContents(top);
    String reference = target.tag().orElse(top.digest().toString());
    caller.call(new ManifestPusher(caller.repository(), reference, doc));
    return top.digest();
  }

  /** Pushes everything {@code d} refers to (not {@code d} itself); returns its parsed document. */
  private ManifestDocument pushContents(Descriptor d) throws IOException, OciException {
    ManifestDocument doc = ManifestDocument.parse(source.readBlob(d), d.mediaType());
    switch (doc) {
      case ImageIndex index -> {
        for (Descriptor child : index.manifests()) {
          ManifestDocument childDoc = pushContents(child);
          caller.call(new ManifestPusher(caller.repository(), child.digest().toString(), childDoc));
        }
      }
      case Manifest manifest -> {
        pushBlob(manifest.config());
        for (Descriptor layer : manifest.layers()) {
          pushBlob(layer);
        }
      }
    }
    return doc;
  }

  private void pushBlob(Descriptor d) throws IOException, OciException {
    if (caller.call(new BlobChecker(caller.repository(), d.digest()))) {
      return;
    }
    String location = caller.call(new BlobUploadStarter(caller.repository()));
    caller.call(new BlobUploader(location, d.digest(), source.verifiedBlob(d)));
  }
}
