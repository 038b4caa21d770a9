package dev.bulwark.builder.assemble;

import java.util.Objects;

/**
 * What every tar entry records in its PAX headers: {@code LINUXKIT.source} and {@code .location}.
 */
public record Origin(String source, String location) {
  public Origin {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(location, "location");
  }
}
