package dev.bulwark.builder.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Landlock-confined child: hostile layers are refused and nothing lands outside work. */
class ConfinedExtractorIT {
  @TempDir Path root;

  private Path work() throws Exception {
    return Files.createDirectories(root.resolve("work"));
  }

  private ConfinedExtractor extractor(Path blobs) throws Exception {
    return new ConfinedExtractor(LayerLimits.DEFAULT, work(), Set.of(blobs));
  }

  @Test
  void goodLayer_isFlattenedByTheConfinedChild() throws Exception {
    Path blobs = Files.createDirectories(root.resolve("blobs"));
    Path l = new TestLayer().dir("etc/").file("etc/motd", "hi").writeGzip(blobs, "l1");
    Path out = work().resolve("flat.tar");
    extractor(blobs).flatten("img", List.of(l), out);
    assertThat(LayerFlattenerTest.read(Files.readAllBytes(out))).containsEntry("etc/motd", "hi");
  }

  @Test
  void hostileLayers_areRefused_andNothingIsWrittenOutsideTheWorkDirectory() throws Exception {
    Path blobs = Files.createDirectories(root.resolve("blobs"));
    List<Path> hostile =
        List.of(
            new TestLayer().file("../../escape-traversal", "x").write(blobs, "traversal"),
            new TestLayer()
                .symlink("evil", root.toString())
                .file("evil/escape-symlink", "x")
                .write(blobs, "symlink"),
            new TestLayer().hardlink("h", "../../etc/shadow").write(blobs, "hardlink"),
            new TestLayer().charDevice("dev/sda").write(blobs, "device"),
            hugePaxHeader(blobs));
    for (Path l : hostile) {
      Path out = work().resolve(l.getFileName() + ".tar");
      assertThatThrownBy(() -> extractor(blobs).flatten("img", List.of(l), out))
          .as(l.getFileName().toString())
          .isInstanceOf(LayerException.class)
          .hasMessageStartingWith("img: ");
      assertThat(out).doesNotExist();
    }
    try (Stream<Path> all = Files.walk(root)) {
      assertThat(all.filter(p -> p.getFileName().toString().startsWith("escape"))).isEmpty();
    }
  }

  @Test
  void severalImages_areFlattenedByOneChild_inOrder() throws Exception {
    Path blobs = Files.createDirectories(root.resolve("blobs"));
    Path a = new TestLayer().file("a.txt", "A").writeGzip(blobs, "a");
    Path b1 = new TestLayer().file("b.txt", "old").write(blobs, "b1");
    Path b2 = new TestLayer().file("b.txt", "new").write(blobs, "b2");
    Path outA = work().resolve("a.tar");
    Path outB = work().resolve("b.tar");

    extractor(blobs)
        .flattenAll(
            List.of(
                new FlattenJob("img-a", List.of(a), outA),
                new FlattenJob("img-b", List.of(b1, b2), outB)));

    assertThat(LayerFlattenerTest.read(Files.readAllBytes(outA))).containsEntry("a.txt", "A");
    assertThat(LayerFlattenerTest.read(Files.readAllBytes(outB))).containsEntry("b.txt", "new");
  }

  @Test
  void oneHostileImageInABatch_isNamed_andNoOutputOfTheBatchRemains() throws Exception {
    Path blobs = Files.createDirectories(root.resolve("blobs"));
    Path good = new TestLayer().file("a.txt", "A").write(blobs, "good");
    Path evil = new TestLayer().file("../../escape-batch", "x").write(blobs, "evil");
    Path outGood = work().resolve("good.tar");
    Path outEvil = work().resolve("evil.tar");
    Path outAfter = work().resolve("after.tar");

    assertThatThrownBy(
            () ->
                extractor(blobs)
                    .flattenAll(
                        List.of(
                            new FlattenJob("img-good", List.of(good), outGood),
                            new FlattenJob("img-evil", List.of(evil), outEvil),
                            new FlattenJob("img-after", List.of(good), outAfter))))
        .isInstanceOf(LayerException.class)
        .hasMessageStartingWith("img-evil: ");
    assertThat(outGood).doesNotExist();
    assertThat(outEvil).doesNotExist();
    assertThat(outAfter).doesNotExist();
  }

  @Test
  void theChildCannotWriteOutsideTheWorkDirectory() throws Exception {
    Path blobs = Files.createDirectories(root.resolve("blobs"));
    Path l = new TestLayer().file("a", "x").write(blobs, "l1");
    Path outside = root.resolve("outside.tar");
    assertThatThrownBy(() -> extractor(blobs).flatten("img", List.of(l), outside))
        .isInstanceOf(LayerException.class);
    assertThat(outside).doesNotExist();
  }

  /** A PAX header claiming a 2 GiB record: must fail cleanly, not exhaust memory. */
  private static Path hugePaxHeader(Path dir) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    String record = "2147483647 path=" + "a".repeat(100) + "\n";
    TestLayer t = new TestLayer();
    TarArchiveEntry pax =
        new TarArchiveEntry("PaxHeaders/x", TarConstants.LF_PAX_EXTENDED_HEADER_LC);
    byte[] data = record.getBytes(StandardCharsets.UTF_8);
    pax.setSize(data.length);
    t.add(pax, data);
    b.write(t.file("x", "y").bytes());
    return Files.write(dir.resolve("hugepax"), b.toByteArray());
  }
}
