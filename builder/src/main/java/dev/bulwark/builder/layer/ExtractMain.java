package dev.bulwark.builder.layer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The confined child: {@code ExtractMain OUT MAX_ENTRY_BYTES MAX_IMAGE_BYTES MAX_ENTRIES LAYER...}
 * flattens the layers (bottom first) into the tar OUT. Exit 0 on success, 3 for a refused layer, 4
 * when the input exhausts memory (e.g. a giant header), 2 for usage; the reason is the last line on
 * stderr.
 */
public final class ExtractMain {
  static final int REFUSED = 3;
  static final int TOO_BIG = 4;

  private ExtractMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    if (args.length < 5) {
      System.err.println(
          "usage: ExtractMain OUT MAX_ENTRY_BYTES MAX_IMAGE_BYTES MAX_ENTRIES LAYER...");
      return 2;
    }
    Path out = Path.of(args[0]);
    List<Path> layers = new ArrayList<>();
    for (int i = 4; i < args.length; i++) {
      layers.add(Path.of(args[i]));
    }
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
      LayerLimits limits =
          new LayerLimits(
              Long.parseLong(args[1]), Long.parseLong(args[2]), Integer.parseInt(args[3]));
      new LayerFlattener(limits).flatten(layers, o);
      return 0;
    } catch (LayerException e) {
      System.err.println(e.getMessage());
      return REFUSED;
    } catch (OutOfMemoryError e) {
      System.err.println(
          "layer headers or names exhaust the extractor's memory (hostile or corrupt layer)");
      return TOO_BIG;
    } catch (IOException | RuntimeException e) {
      System.err.println("cannot read layer: " + e);
      return REFUSED;
    }
  }
}
