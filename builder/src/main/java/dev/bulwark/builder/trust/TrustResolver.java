package dev.bulwark.builder.trust;

import dev.bulwark.oci.ImageReference;

/** Turns a tag into a digest through signed trust data; fails closed. */
public interface TrustResolver {
  /**
   * The signed digest of {@code ref}'s tag. Throws, naming the image and the reason, when the image
   * is unsigned, its trust data is tampered with, below threshold or expired.
   */
  TrustedImage resolve(ImageReference ref) throws TrustFailure;
}
