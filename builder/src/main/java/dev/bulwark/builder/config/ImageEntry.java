package dev.bulwark.builder.config;

import java.util.Map;
import java.util.Objects;

/**
 * One container of {@code onboot}, {@code onshutdown} or {@code services}: its unique name, its
 * image reference as written, and every other setting as schema-checked plain values (lists, maps,
 * strings, longs, booleans) keyed by their YAML names.
 */
public record ImageEntry(String name, String image, Map<String, Object> settings, Where where) {
  public ImageEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    settings = Map.copyOf(settings);
    Objects.requireNonNull(where, "where");
  }
}
