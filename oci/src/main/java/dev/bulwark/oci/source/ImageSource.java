package dev.bulwark.oci.source;

import dev.bulwark.oci.Image;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.OciException;
import dev.bulwark.oci.PinnedRef;
import dev.bulwark.oci.Platform;
import java.io.IOException;

/** A place images can be loaded from, by pinned digest only. */
public interface ImageSource {

  /**
   * UNVERIFIED: the digest this source currently associates with {@code ref}'s tag (a reference
   * that already carries a digest is returned as is). Use only for images trust does not cover.
   */
  PinnedRef resolveUnverified(ImageReference ref) throws IOException, OciException;

  /** Loads {@code ref} for {@code platform}, every blob verified against the digest chain. */
  Image load(PinnedRef ref, Platform platform) throws IOException, OciException;
}
