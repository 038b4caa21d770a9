package dev.bulwark.builder.layer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Flattens in this JVM, unconfined. For tests and for {@code --no-sandbox}. */
public final class InProcessExtractor implements Extractor {
  private final LayerLimits limits;

  public InProcessExtractor(LayerLimits limits) {
    this.limits = limits;
  }

  @Override
  public void flatten(String image, List<Path> layers, Path out) throws LayerException {
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
      new LayerFlattener(limits).flatten(layers, o);
    } catch (LayerException e) {
      deleteQuietly(out);
      throw new LayerException(image + ": " + e.getMessage(), e);
    } catch (IOException e) {
      deleteQuietly(out);
      throw new LayerException(image + ": cannot read layers: " + e.getMessage(), e);
    }
  }

  @Override
  public String confinement() {
    return "none (in-process)";
  }

  static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort: the work directory is removed at the end of the build anyway
    }
  }
}
