package dev.bulwark.oci.source;

import dev.bulwark.oci.Image;
import dev.bulwark.oci.ImageFormatException;
import dev.bulwark.oci.ImageNotFoundException;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.OciException;
import dev.bulwark.oci.PinnedRef;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.layout.OciLayout;
import dev.bulwark.oci.registry.RegistryClient;
import java.io.IOException;
import java.util.Optional;

/** Images from a registry, through a local cache: a complete, intact cached copy is used as is. */
public final class RegistryImageSource implements ImageSource {
  private final RegistryClient client;
  private final OciLayout cache;

  public RegistryImageSource(RegistryClient client, OciLayout cache) {
    this.client = client;
    this.cache = cache;
  }

  @Override
  public PinnedRef resolveUnverified(ImageReference ref) throws IOException, OciException {
    Optional<PinnedRef> pinned = PinnedRef.ofDigested(ref);
    return pinned.isPresent() ? pinned.get() : client.resolveTagUnverified(ref);
  }

  @Override
  public Image load(PinnedRef ref, Platform platform) throws IOException, OciException {
    try {
      return cache.loadImage(ref, platform);
    } catch (ImageNotFoundException | ImageFormatException incompleteOrCorrupt) {
      // corrupt blobs were removed by the cache; the pull fetches what is missing
      return client.pull(ref, platform, cache);
    }
  }
}
