package dev.bulwark.builder.layer;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One image to flatten: its layers (bottom first) into {@code out}.
 *
 * @param image the image's name, for errors
 * @param layers layer blobs, bottom first
 * @param out the new flat tar, inside the build's work directory
 */
public record FlattenJob(String image, List<Path> layers, Path out) {
  public FlattenJob {
    Objects.requireNonNull(image, "image");
    layers = List.copyOf(layers);
    Objects.requireNonNull(out, "out");
  }
}
