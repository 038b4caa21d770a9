package dev.bulwark.oci;

import java.util.Optional;

/**
 * An image reference bound to the digest of its manifest (or index). This is the only input that
 * pulls accept: turning a tag into a digest is the job of trust (or of an explicitly unverified tag
 * lookup), never of the puller.
 *
 * @param reference the reference as named by the user (its tag is kept for display and cache
 *     names); if it carries a digest, that digest must equal {@code digest}
 * @param digest the manifest or index digest every pulled byte is checked against
 */
public record PinnedRef(ImageReference reference, Digest digest) {
  public PinnedRef {
    if (reference == null || digest == null) {
      throw new IllegalArgumentException("pinned reference needs a reference and a digest");
    }
    if (reference.digest().isPresent() && !reference.digest().get().equals(digest)) {
      throw new IllegalArgumentException(
          "reference "
              + reference
              + " names digest "
              + reference.digest().get()
              + " but is pinned to "
              + digest);
    }
    reference = reference.withDigest(digest);
  }

  /** A reference that already carries a digest ({@code name@sha256:...}) is pinned by itself. */
  public static Optional<PinnedRef> ofDigested(ImageReference reference) {
    return reference.digest().map(d -> new PinnedRef(reference, d));
  }

  @Override
  public String toString() {
    return reference.toString();
  }
}
