package dev.bulwark.builder.config;

import java.util.List;

/**
 * The {@code trust} section: images (by name, with or without tag) and organisations whose tags
 * must be resolved to digests through signed trust data.
 */
public record TrustSpec(List<String> image, List<String> org) {
  public static final TrustSpec NONE = new TrustSpec(List.of(), List.of());

  public TrustSpec {
    image = List.copyOf(image);
    org = List.copyOf(org);
  }

  /** Both lists, concatenated in file order (several build files). */
  public TrustSpec plus(TrustSpec other) {
    return new TrustSpec(
        java.util.stream.Stream.concat(image.stream(), other.image.stream()).toList(),
        java.util.stream.Stream.concat(org.stream(), other.org.stream()).toList());
  }
}
