package dev.bulwark.builder.trust;

import dev.bulwark.oci.PinnedRef;
import java.util.Objects;

/** An image pinned to a digest, and how that digest was established. */
public record TrustedImage(PinnedRef pinned, Verification verification) {
  public TrustedImage {
    Objects.requireNonNull(pinned, "pinned");
    Objects.requireNonNull(verification, "verification");
  }
}
