package dev.bulwark.builder.layer;

import java.nio.file.Path;
import java.util.List;

/** Flattens an image's layers into a clean tar file. */
public interface Extractor {
  /**
   * Flattens {@code layers} (bottom first) into {@code out}, a new file inside the build's work
   * directory. {@code image} names the image in errors.
   */
  void flatten(String image, List<Path> layers, Path out) throws LayerException;

  /** How the extraction is confined, for the build report. */
  String confinement();
}
