package dev.bulwark.builder.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerFlattenerTest {
  @TempDir Path dir;

  private Map<String, String> flatten(TestLayer... layers) throws Exception {
    List<Path> paths = new java.util.ArrayList<>();
    for (int i = 0; i < layers.length; i++) {
      paths.add(i % 2 == 0 ? layers[i].writeGzip(dir, "l" + i) : layers[i].write(dir, "l" + i));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new LayerFlattener(LayerLimits.DEFAULT).flatten(paths, out);
    return read(out.toByteArray());
  }

  static Map<String, String> read(byte[] tar) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        String v =
            e.isDirectory()
                ? "dir"
                : e.isSymbolicLink()
                    ? "->" + e.getLinkName()
                    : e.isLink()
                        ? "=>" + e.getLinkName()
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        entries.put(e.getName(), v);
      }
    }
    return entries;
  }

  @Test
  void upperLayerWins_andOrderIsParentsFirst() throws Exception {
    Map<String, String> out =
        flatten(
            new TestLayer().dir("etc/").file("etc/a", "lower").file("etc/b", "b"),
            new TestLayer().file("./etc/a", "upper").file("usr/bin/x", "x"));
    assertThat(out).containsEntry("etc/a", "upper").containsEntry("etc/b", "b");
    assertThat(List.copyOf(out.keySet()))
        .containsExactly("etc/", "etc/b", "etc/a", "usr/", "usr/bin/", "usr/bin/x");
  }

  @Test
  void whiteout_hidesLowerFileAndDirectory() throws Exception {
    Map<String, String> out =
        flatten(
            new TestLayer().file("a", "1").dir("d/").file("d/x", "x").file("keep", "k"),
            new TestLayer().file(".wh.a", "").file(".wh.d", ""));
    assertThat(out).containsOnlyKeys("keep");
  }

  @Test
  void opaqueDirectory_hidesOnlyLowerContents() throws Exception {
    Map<String, String> out =
        flatten(
            new TestLayer().dir("d/").file("d/old", "o").file("e", "e"),
            new TestLayer().dir("d/").file("d/.wh..wh..opq", "").file("d/new", "n"));
    assertThat(out).containsOnlyKeys("d/", "d/new", "e");
  }

  @Test
  void upperFileReplacingLowerDirectory_hidesItsContents() throws Exception {
    Map<String, String> out =
        flatten(
            new TestLayer().dir("d/").file("d/x", "x"), new TestLayer().symlink("d", "/elsewhere"));
    assertThat(out).containsOnly(Map.entry("d", "->/elsewhere"));
  }

  @Test
  void pathTraversal_isRefused() {
    assertThatThrownBy(() -> flatten(new TestLayer().file("a/../../etc/passwd", "x")))
        .isInstanceOf(LayerException.class)
        .hasMessageContaining("path traversal");
  }

  @Test
  void absolutePath_isRefused() {
    assertThatThrownBy(() -> flatten(new TestLayer().file("/etc/passwd", "x")))
        .hasMessageContaining("absolute path '/etc/passwd'");
  }

  @Test
  void symlinkEscape_inOneLayer_isRefused() {
    assertThatThrownBy(
            () -> flatten(new TestLayer().symlink("evil", "/etc").file("evil/passwd", "root::0:0")))
        .hasMessageContaining("lies beneath symlink 'evil'");
  }

  @Test
  void symlinkEscape_lowerSymlinkUnderUpperContent_isRefused() {
    assertThatThrownBy(
            () ->
                flatten(
                    new TestLayer().symlink("evil", "../../.."),
                    new TestLayer().file("evil/x", "x")))
        .hasMessageContaining("would redirect 'evil/x'");
  }

  @Test
  void hardLinkEscape_isRefused() {
    assertThatThrownBy(() -> flatten(new TestLayer().hardlink("shadow", "../../etc/shadow")))
        .hasMessageContaining("path traversal");
    assertThatThrownBy(() -> flatten(new TestLayer().hardlink("shadow", "/etc/shadow")))
        .hasMessageContaining("absolute path");
    assertThatThrownBy(() -> flatten(new TestLayer().hardlink("shadow", "etc/shadow")))
        .hasMessageContaining("not a regular file of the image");
  }

  @Test
  void hardLinkToImageFile_isKept() throws Exception {
    Map<String, String> out = flatten(new TestLayer().file("a", "x").hardlink("b", "./a"));
    assertThat(out).containsEntry("b", "=>a");
  }

  @Test
  void hardLinkToWhitedOutFile_isRefused() {
    assertThatThrownBy(
            () ->
                flatten(
                    new TestLayer().file("a", "x").hardlink("b", "a"),
                    new TestLayer().file(".wh.a", "")))
        .hasMessageContaining("not a regular file");
  }

  @Test
  void deviceNode_isRefused() {
    assertThatThrownBy(() -> flatten(new TestLayer().charDevice("dev/mem")))
        .hasMessageContaining("device node 'dev/mem'");
  }

  @Test
  void entryLargerThanLimit_isRefused() throws Exception {
    Path l = new TestLayer().file("big", "0123456789").write(dir, "l");
    assertThatThrownBy(
            () ->
                new LayerFlattener(new LayerLimits(5, 100, 10))
                    .flatten(List.of(l), new ByteArrayOutputStream()))
        .hasMessageContaining("declares 10 bytes, limit 5");
  }

  @Test
  void tooManyEntries_isRefused() throws Exception {
    Path l = new TestLayer().file("a", "1").file("b", "2").file("c", "3").write(dir, "l");
    assertThatThrownBy(
            () ->
                new LayerFlattener(new LayerLimits(100, 100, 2))
                    .flatten(List.of(l), new ByteArrayOutputStream()))
        .hasMessageContaining("more than 2 entries");
  }

  @Test
  void truncatedLayer_isRefused() throws Exception {
    byte[] full = new TestLayer().file("a", "x".repeat(4000)).bytes();
    Path l = dir.resolve("t");
    java.nio.file.Files.write(l, java.util.Arrays.copyOf(full, 1024));
    assertThatThrownBy(
            () ->
                new LayerFlattener(LayerLimits.DEFAULT)
                    .flatten(List.of(l), new ByteArrayOutputStream()))
        .isInstanceOfAny(LayerException.class, IOException.class);
  }

  @Test
  void sameInput_givesSameBytes() throws Exception {
    Path l = new TestLayer().dir("d/").file("d/x", "x").symlink("s", "d/x").writeGzip(dir, "l");
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    new LayerFlattener(LayerLimits.DEFAULT).flatten(List.of(l), a);
    new LayerFlattener(LayerLimits.DEFAULT).flatten(List.of(l), b);
    assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
  }
}
