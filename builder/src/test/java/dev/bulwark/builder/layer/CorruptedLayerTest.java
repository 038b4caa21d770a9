package dev.bulwark.builder.layer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded corruption of a valid layer (bytes of the tar headers overwritten with random values, PAX
 * records and long names included): flattening must succeed or fail with a {@link LayerException};
 * an unchecked exception would crash an unsandboxed build.
 */
class CorruptedLayerTest {
  private static final int CASES = 300;
  @TempDir Path dir;

  static Stream<Integer> seeds() {
    return IntStream.range(0, CASES).boxed();
  }

  private static byte[] sample() {
    return new TestLayer()
        .dir("etc/")
        .file("etc/passwd", "root:x:0:0")
        .file("usr/share/" + "long-name-".repeat(15) + "x", "long")
        .file("caf\u00e9", "pax name")
        .symlink("bin/sh", "/bin/busybox")
        .hardlink("etc/passwd2", "etc/passwd")
        .file("etc/.wh.old", "")
        .bytes();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void corruptedHeaderBytes_areFlattenedOrRefusedAsALayerError(int seed) throws Exception {
    Random random = new Random(seed);
    byte[] tar = sample();
    int flips = 1 + random.nextInt(8);
    int headerBlocks = Math.max(1, tar.length / 512 - 2);
    for (int i = 0; i < flips; i++) {
      int block = random.nextInt(headerBlocks);
      int offset = block * 512 + random.nextInt(512);
      tar[offset] = (byte) random.nextInt(256);
    }
    Path layer = Files.write(dir.resolve("l" + seed), tar);
    try {
      new InProcessExtractor(new LayerLimits(1 << 20, 1 << 22, 1000))
          .flatten("img", List.of(layer), dir.resolve("out" + seed));
    } catch (LayerException refused) {
      // a specific refusal is fine
    }
  }
}
