package dev.bulwark.builder.assemble;

import dev.bulwark.oci.ImageConfig;
import java.nio.file.Path;
import java.util.Objects;

/** A pulled, verified image whose layers have been flattened into a clean tar. */
public record PreparedImage(String reference, ImageConfig config, Path flatTar) {
  public PreparedImage {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(flatTar, "flatTar");
  }
}
