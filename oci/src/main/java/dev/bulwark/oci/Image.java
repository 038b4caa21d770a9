package dev.bulwark.oci;

import java.util.List;
import java.util.Optional;

/**
 * An image whose every byte has been checked against {@link #ref()}'s digest: the index (if the
 * reference named one), the platform's manifest, its config and its layers (base first) as files in
 * the local cache.
 */
public record Image(
    PinnedRef ref,
    Optional<ImageIndex> index,
    Manifest manifest,
    ImageConfig config,
    List<Layer> layers) {

  public Image {
    layers = List.copyOf(layers);
  }
}
