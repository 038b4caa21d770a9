package dev.bulwark.builder.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Layer blobs crafted byte by byte (headers a well-behaved tar writer would never produce): each
 * test is one hostile layer and the flattener must refuse it with a {@link LayerException} (never
 * an unchecked exception, never unbounded work) or flatten it safely.
 */
class LayerHostileTest {
  @TempDir Path dir;

  /** Writes raw ustar headers and data, including values that violate the format. */
  private static final class RawTar {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    RawTar entry(String name, char type, String sizeField, byte[] data) {
      return entry(name, type, sizeField, "", data);
    }

    RawTar entry(String name, char type, String sizeField, String linkName, byte[] data) {
      byte[] h = new byte[512];
      put(h, 0, name, 100);
      put(h, 157, linkName, 100);
      put(h, 100, "0000644", 8);
      put(h, 108, "0000000", 8);
      put(h, 116, "0000000", 8);
      put(h, 124, sizeField, 12);
      put(h, 136, "00000000000", 12);
      h[156] = (byte) type;
      put(h, 257, "ustar", 6);
      put(h, 263, "00", 2);
      for (int i = 148; i < 156; i++) {
        h[i] = ' ';
      }
      int sum = 0;
      for (byte b : h) {
        sum += b & 0xff;
      }
      put(h, 148, String.format("%06o", sum), 7);
      out.writeBytes(h);
      out.writeBytes(data);
      int pad = (512 - data.length % 512) % 512;
      out.writeBytes(new byte[pad]);
      return this;
    }

    RawTar entry(String name, char type, byte[] data) {
      return entry(name, type, String.format("%011o", data.length), data);
    }

    /** A PAX extended header ('x') applying {@code records} to the next entry. */
    RawTar pax(String... records) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (String r : records) {
        String line = " " + r + "\n";
        int len = line.length();
        int total = len + Integer.toString(len).length();
        if (Integer.toString(total).length() != Integer.toString(len).length()) {
          total++;
        }
        body.writeBytes((total + line).getBytes(StandardCharsets.UTF_8));
      }
      return entry("PaxHeaders/x", 'x', body.toByteArray());
    }

    private static void put(byte[] h, int off, String s, int max) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      System.arraycopy(b, 0, h, off, Math.min(b.length, max));
    }

    Path write(Path dir, String name) throws IOException {
      out.writeBytes(new byte[1024]);
      return Files.write(dir.resolve(name), out.toByteArray());
    }
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  // Through the extractor the builder uses without a sandbox: every refusal is a LayerException.
  private Map<String, String> flatten(LayerLimits limits, Path... layers) throws Exception {
    Path out = dir.resolve("flat.tar");
    new InProcessExtractor(limits).flatten("img", List.of(layers), out);
    return LayerFlattenerTest.read(Files.readAllBytes(out));
  }

  @ParameterizedTest
  @ValueSource(chars = {'6', '2', '1'})
  void nonFileEntryCarryingData_countsTowardsTheImageLimit(char type) throws Exception {
    // Only regular files were counted, yet the reader skips the declared data of fifos, symlinks
    // and hard links too: a million such entries of 8 GiB each (gzip-compressed zeros) were read
    // past every limit.
    Path layer =
        new RawTar()
            .entry("f", '0', new byte[600])
            .entry("x", type, String.format("%011o", 600), "f", new byte[600])
            .write(dir, "l0");
    assertThatThrownBy(() -> flatten(new LayerLimits(1000, 1000, 100), layer))
        .isInstanceOf(LayerException.class)
        .hasMessageContaining("exceeds 1000 bytes");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "size=abc",
        "size=-5",
        "size=99999999999999999999999",
        "mtime=1e400",
        "mtime=abc",
        "uid=99999999999999999999999",
        "gid=-1x"
      })
  void malformedPaxHeader_isRefusedAsALayerError(String record) throws Exception {
    Path layer = new RawTar().pax(record).entry("f", '0', text("x")).write(dir, "l0");
    assertThatThrownBy(() -> flatten(LayerLimits.DEFAULT, layer))
        .isInstanceOf(LayerException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mtime=99999999999999999",
        "mtime=-99999999999999999",
        "mtime=9223372036854775807",
        "uid=9223372036854775807",
        "gid=-1"
      })
  void extremeHeaderNumbers_areFlattenedOrRefusedAsALayerError(String record) throws Exception {
    Path layer = new RawTar().pax(record).entry("f", '0', text("x")).write(dir, "l0");
    try {
      assertThat(flatten(LayerLimits.DEFAULT, layer)).containsOnlyKeys("f");
    } catch (LayerException refused) {
      assertThat(refused).hasMessageContaining("img");
    }
  }

  @Test
  void paxPathWithTraversal_isRefused() throws Exception {
    Path layer =
        new RawTar().pax("path=../../etc/passwd").entry("f", '0', text("x")).write(dir, "l0");
    assertThatThrownBy(() -> flatten(LayerLimits.DEFAULT, layer))
        .isInstanceOf(LayerException.class)
        .hasMessageContaining("traversal");
  }

  @Test
  void gnuLongNameWithTraversal_isRefused() throws Exception {
    Path layer =
        new RawTar()
            .entry("././@LongLink", 'L', text("a/" + "b/".repeat(60) + "../../../../escape\0"))
            .entry("short", '0', text("x"))
            .write(dir, "l0");
    assertThatThrownBy(() -> flatten(LayerLimits.DEFAULT, layer))
        .isInstanceOf(LayerException.class)
        .hasMessageContaining("traversal");
  }

  @Test
  void gzipBombOfZeros_endsAtTheTarTrailerWithoutReadingItAll() throws Exception {
    // 8 GiB of zeros after one small entry: the first two zero blocks end the archive.
    Path layer = dir.resolve("bomb.gz");
    byte[] tar = Files.readAllBytes(new RawTar().entry("f", '0', text("x")).write(dir, "plain"));
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(layer), 1 << 16)) {
      o.write(tar);
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) { // 64 MiB written here; the point is it is never read
        o.write(zeros);
      }
    }
    Map<String, String> out =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> flatten(LayerLimits.DEFAULT, layer));
    assertThat(out).containsOnlyKeys("f");
  }

  @Test
  void whiteoutOfDotDot_andBareWhiteout_areRefused() throws Exception {
    for (String name : List.of("a/.wh...", "a/.wh.", ".wh..")) {
      Path layer = new RawTar().entry(name, '0', new byte[0]).write(dir, "l-" + name.length());
      assertThatThrownBy(() -> flatten(LayerLimits.DEFAULT, layer))
          .as(name)
          .isInstanceOf(LayerException.class)
          .hasMessageContaining("whiteout");
    }
  }

  @Test
  void whiteoutOfTheRootOpaque_hidesEveryLowerEntryButNotItsOwnLayer() throws Exception {
    Path lower = new RawTar().entry("etc/passwd", '0', text("lower")).write(dir, "l0");
    Path upper =
        new RawTar()
            .entry(".wh..wh..opq", '0', new byte[0])
            .entry("etc/hosts", '0', text("upper"))
            .write(dir, "l1");
    assertThat(flatten(LayerLimits.DEFAULT, lower, upper)).containsOnlyKeys("etc/", "etc/hosts");
  }

  @Test
  void duplicateEntriesInOneLayer_keepTheFirstLikeMutateExtract() throws Exception {
    Path layer =
        new RawTar()
            .entry("f", '0', text("first"))
            .entry("./f", '0', text("second"))
            .write(dir, "l0");
    assertThat(flatten(LayerLimits.DEFAULT, layer)).containsExactly(Map.entry("f", "first"));
  }

  @Test
  void fileThroughASymlinkDeclaredLaterInTheSameLayer_isRefused() throws Exception {
    Path layer =
        new RawTar().entry("etc/x", '0', text("x")).entry("etc", '2', new byte[0]).write(dir, "l0");
    // the symlink's target is in the linkname field, empty here: refused either way
    assertThatThrownBy(() -> flatten(LayerLimits.DEFAULT, layer))
        .isInstanceOf(LayerException.class);
  }

  @Test
  void blockDeviceAndUnknownType_areRefused() throws Exception {
    for (char type : new char[] {'4', 'V', 'S', 'Z'}) {
      Path layer = new RawTar().entry("n", type, new byte[0]).write(dir, "t" + (int) type);
      assertThatThrownBy(() -> flatten(LayerLimits.DEFAULT, layer))
          .as("type " + type)
          .isInstanceOf(LayerException.class);
    }
  }

  @Test
  void negativeOrNonOctalSizeField_isRefused() throws Exception {
    for (String size : List.of("-0000000001", "0000000000z", "\u00ff\u00ff\u00ff")) {
      Path layer =
          new RawTar().entry("f", '0', size, new byte[0]).write(dir, "s" + size.hashCode());
      assertThatThrownBy(() -> flatten(LayerLimits.DEFAULT, layer))
          .as(size)
          .isInstanceOf(LayerException.class);
    }
  }
}
