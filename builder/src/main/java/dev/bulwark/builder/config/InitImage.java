package dev.bulwark.builder.config;

import java.util.Objects;

/** One entry of {@code init}: an image unpacked straight into the root filesystem. */
public record InitImage(String image, Where where) {
  public InitImage {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(where, "where");
  }
}
