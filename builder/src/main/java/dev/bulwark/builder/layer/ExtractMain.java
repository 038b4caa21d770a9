package dev.bulwark.builder.layer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The confined child: {@code ExtractMain MAX_ENTRY_BYTES MAX_IMAGE_BYTES MAX_ENTRIES (--job IMAGE
 * OUT LAYER...)...} flattens each job's layers (bottom first) into the tar OUT, in order, and stops
 * at the first refused one. Exit 0 on success, 3 for a refused layer, 4 when the input exhausts
 * memory (e.g. a giant header), 2 for usage; the reason is the last line on stderr, starting with
 * the image's name.
 */
public final class ExtractMain {
  static final int REFUSED = 3;
  static final int TOO_BIG = 4;
  static final int USAGE = 2;

  /** Starts a job in the argument list (paths are absolute, so never equal to it). */
  static final String JOB = "--job";

  private ExtractMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  private record Job(String image, Path out, List<Path> layers) {}

  static int run(String[] args) {
    LayerLimits limits;
    List<Job> jobs;
    try {
      limits =
          new LayerLimits(
              Long.parseLong(args[0]), Long.parseLong(args[1]), Integer.parseInt(args[2]));
      jobs = jobs(args);
    } catch (RuntimeException e) {
      System.err.println(
          "usage: ExtractMain MAX_ENTRY_BYTES MAX_IMAGE_BYTES MAX_ENTRIES (--job IMAGE OUT"
              + " LAYER...)...");
      return USAGE;
    }
    for (Job j : jobs) {
      int code = flatten(j, limits);
      if (code != 0) {
        return code;
      }
    }
    return 0;
  }

  private static List<Job> jobs(String[] args) {
    List<Job> jobs = new ArrayList<>();
    int i = 3;
    while (i < args.length) {
      if (!args[i].equals(JOB) || i + 3 > args.length) {
        throw new IllegalArgumentException("expected " + JOB + " IMAGE OUT LAYER...");
      }
      String image = args[i + 1];
      Path out = Path.of(args[i + 2]);
      List<Path> layers = new ArrayList<>();
      i += 3;
      while (i < args.length && !args[i].equals(JOB)) {
        layers.add(Path.of(args[i++]));
      }
      jobs.add(new Job(image, out, layers));
    }
    if (jobs.isEmpty()) {
      throw new IllegalArgumentException("no job");
    }
    return jobs;
  }

  private static int flatten(Job j, LayerLimits limits) {
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(j.out()), 1 << 16)) {
      new LayerFlattener(limits).flatten(j.layers(), o);
      return 0;
    } catch (LayerException e) {
      System.err.println(j.image() + ": " + e.getMessage());
      return REFUSED;
    } catch (OutOfMemoryError e) {
      System.err.println(
          j.image()
              + ": layer headers or names exhaust the extractor's memory (hostile or corrupt"
              + " layer)");
      return TOO_BIG;
    } catch (IOException | RuntimeException e) {
      System.err.println(j.image() + ": cannot read layer: " + e);
      return REFUSED;
    }
  }
}
