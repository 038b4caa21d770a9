package dev.bulwark.builder.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One entry of {@code volumes}: blank, or filled from an image (as a filesystem or OCI layout). */
public record VolumeEntry(
    String name,
    Optional<String> image,
    boolean readonly,
    String format,
    List<String> platforms,
    Where where) {
  public VolumeEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(format, "format");
    platforms = List.copyOf(platforms);
    Objects.requireNonNull(where, "where");
  }
}
