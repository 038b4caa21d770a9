package dev.bulwark.oci.registry;

import dev.bulwark.oci.BlobVerificationException;
import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.Digest;
import dev.bulwark.oci.Image;
import dev.bulwark.oci.ImageIndex;
import dev.bulwark.oci.Manifest;
import dev.bulwark.oci.ManifestDocument;
import dev.bulwark.oci.OciException;
import dev.bulwark.oci.PinnedRef;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.layout.OciLayout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;

/** Walks a pinned digest down to config and layers, fetching only what the cache lacks. */
final class ImagePuller {
  private final RegistryCaller caller;
  private final OciLayout cache;
  private final long maxBlobBytes;

  ImagePuller(RegistryCaller caller, OciLayout cache, long maxBlobBytes) {
    this.caller = caller;
    this.cache = cache;
    this.maxBlobBytes = maxBlobBytes;
  }

  Image pull(PinnedRef ref, Platform platform) throws IOException, OciException {
    ManifestDocument top = document(ref.digest(), null);
    Manifest manifest =
        switch (top) {
          case ImageIndex index -> {
            Descriptor chosen = index.require(platform, ref);
            yield Manifest.require(document(chosen.digest(), chosen), ref);
          }
          case Manifest m -> m;
        };
    blob(manifest.config());
    for (Descriptor layer : manifest.layers()) {
      blob(layer);
    }
    Descriptor topDesc = Descriptor.of(top.mediaType(), ref.digest(), top.bytes().length);
    cache.tag(cacheName(ref), topDesc);
    return cache.loadImage(ref, platform);
  }

  /** {@code registry/repo:tag} when the reference has a tag, else {@code registry/repo@digest}. */
  static String cacheName(PinnedRef ref) {
    return ref.reference().name()
        + ref.reference().tag().map(t -> ":" + t).orElse("@" + ref.digest());
  }

  /**
   * The manifest or index with {@code digest}: from the cache if present and intact, else from the
   * registry; the bytes must hash to {@code digest} before anything is parsed or stored.
   */
  private ManifestDocument document(Digest digest, Descriptor known)
      throws IOException, OciException {
    Descriptor cached = known != null ? known : cachedDescriptor(digest);
    if (cached != null && cache.has(cached)) {
      try {
        return ManifestDocument.parse(
            cache.readBlob(cached), known == null ? null : known.mediaType());
      } catch (BlobVerificationException corrupt) {
        // removed from the cache by readBlob; fetch it again below
      }
    }
    ManifestPuller.Raw raw =
        caller.call(new ManifestPuller(caller.repository(), digest.toString()));
    if (!digest.matches(raw.bytes())) {
      throw new BlobVerificationException(
          "pull manifest of "
              + caller.repository()
              + ": registry sent content that does not match "
              + digest
              + " ("
              + raw.bytes().length
              + " bytes); nothing stored");
    }
    if (known != null && known.size() != raw.bytes().length) {
      throw new BlobVerificationException(
          "manifest "
              + digest
              + ": expected "
              + known.size()
              + " bytes, received "
              + raw.bytes().length);
    }
    ManifestDocument doc = ManifestDocument.parse(raw.bytes(), raw.contentType());
    cache.writeBlob(
        Descriptor.of(doc.mediaType(), digest, raw.bytes().length),
        new ByteArrayInputStream(raw.bytes()),
        "manifest " + digest);
    return doc;
  }

  private Descriptor cachedDescriptor(Digest digest) {
    try {
      long size = Files.size(cache.blobPath(digest));
      return size <= ManifestDocument.MAX_BYTES
          ? Descriptor.of("application/octet-stream", digest, size)
          : null;
    } catch (IOException absent) {
      return null;
    }
  }

  private void blob(Descriptor d) throws IOException, OciException {
    if (d.size() > maxBlobBytes) {
      throw new BlobVerificationException(
          "blob "
              + d.digest()
              + " is declared as "
              + d.size()
              + " bytes, above the limit of "
              + maxBlobBytes
              + "; not downloaded");
    }
    if (cache.has(d)) {
      try {
        cache.verifiedBlob(d);
        return;
      } catch (BlobVerificationException corrupt) {
        // removed; fetch again
      }
    }
    caller.call(new BlobPuller(caller.repository(), d, cache));
  }
}
