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

  /**
   * Flattens several images, in order; stops at the first refused one (its message names the image)
   * and leaves no output file of this call behind.
   */
  default void flattenAll(List<FlattenJob> jobs) throws LayerException {
    try {
      for (FlattenJob j : jobs) {
        flatten(j.image(), j.layers(), j.out());
      }
    } catch (LayerException e) {
      jobs.forEach(j -> InProcessExtractor.deleteQuietly(j.out()));
      throw e;
    }
  }

  /** How the extraction is confined, for the build report. */
  String confinement();
}
