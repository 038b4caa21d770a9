package dev.bulwark.oci.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.oci.BlobVerificationException;
import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.Digest;
import dev.bulwark.oci.Image;
import dev.bulwark.oci.ImageNotFoundException;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.MediaTypes;
import dev.bulwark.oci.PinnedRef;
import dev.bulwark.oci.Platform;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutTest {
  @TempDir Path tmp;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private List<String> filesUnder(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void openCreatesAnEmptyLayout() throws Exception {
    OciLayout layout = OciLayout.open(tmp.resolve("l"));
    assertThat(Files.readString(tmp.resolve("l/oci-layout"))).contains("imageLayoutVersion");
    assertThat(layout.manifests()).isEmpty();
  }

  @Test
  void openOnANonEmptyNonLayoutDirectory_isRefused_andWritesNothing() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("home"));
    Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> OciLayout.open(dir))
        .isInstanceOf(dev.bulwark.oci.ImageFormatException.class)
        .hasMessageContaining("not an OCI layout");
    assertThat(filesUnder(dir)).containsExactly("notes.txt");
  }

  @Test
  void tamperedStream_isRefused_andNothingStays() throws Exception {
    OciLayout layout = OciLayout.open(tmp.resolve("l"));
    byte[] good = utf8("hello");
    Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, Digest.sha256(good), good.length);
    assertThatThrownBy(() -> layout.writeBlob(d, new ByteArrayInputStream(utf8("hellO")), "test"))
        .isInstanceOf(BlobVerificationException.class)
        .hasMessageContaining("does not match");
    assertThat(filesUnder(tmp.resolve("l/blobs"))).isEmpty();
  }

  @Test
  void longerOrShorterStream_isRefused_andNothingStays() throws Exception {
    OciLayout layout = OciLayout.open(tmp.resolve("l"));
    byte[] good = utf8("hello");
    Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, Digest.sha256(good), good.length);
    assertThatThrownBy(() -> layout.writeBlob(d, endless(), "test"))
        .isInstanceOf(BlobVerificationException.class)
        .hasMessageContaining("received more");
    assertThatThrownBy(() -> layout.writeBlob(d, new ByteArrayInputStream(utf8("hell")), "test"))
        .hasMessageContaining("received 4");
    assertThat(filesUnder(tmp.resolve("l/blobs"))).isEmpty();
  }

  private static InputStream endless() {
    return new InputStream() {
      @Override
      public int read() {
        return 'x';
      }
    };
  }

  @Test
  void blobCorruptedOnDisk_isRefusedOnRead_andRemoved() throws Exception {
    OciLayout writer = OciLayout.open(tmp.resolve("l"));
    Descriptor d = writer.writeBlob(MediaTypes.OCI_LAYER, utf8("hello"));
    Files.write(writer.blobPath(d.digest()), utf8("HELLO"));
    OciLayout reader = OciLayout.open(tmp.resolve("l"));
    assertThatThrownBy(() -> reader.verifiedBlob(d))
        .isInstanceOf(BlobVerificationException.class)
        .hasMessageContaining("removed");
    assertThat(Files.exists(reader.blobPath(d.digest()))).isFalse();
    assertThatThrownBy(() -> reader.verifiedBlob(d)).isInstanceOf(ImageNotFoundException.class);
  }

  @Test
  void concurrentWritersOfTheSameBlobAndIndex_leaveOneIntactCopy() throws Exception {
    OciLayout layout = OciLayout.open(tmp.resolve("l"));
    byte[] data = new byte[1 << 20];
    new java.util.Random(42).nextBytes(data);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Descriptor>> futures = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        int n = i;
        futures.add(
            pool.submit(
                () -> {
                  Descriptor d = layout.writeBlob(MediaTypes.OCI_LAYER, data);
                  layout.tag("example.com/x:" + n, d);
                  return d;
                }));
      }
      for (Future<Descriptor> f : futures) {
        assertThat(f.get().digest()).isEqualTo(Digest.sha256(data));
      }
    } finally {
      pool.shutdown();
    }
    assertThat(filesUnder(tmp.resolve("l/blobs")))
        .containsExactly("sha256/" + Digest.sha256(data).hex());
    assertThat(layout.manifests()).hasSize(16);
    assertThat(
            OciLayout.open(tmp.resolve("l"))
                .verifiedBlob(
                    Descriptor.of(MediaTypes.OCI_LAYER, Digest.sha256(data), data.length)))
        .exists();
  }

  @Test
  void tagReplacesAnOlderEntryOfTheSameName() throws Exception {
    OciLayout layout = OciLayout.open(tmp.resolve("l"));
    Descriptor a = layout.writeBlob(MediaTypes.OCI_MANIFEST, utf8("{\"a\":1}"));
    Descriptor b = layout.writeBlob(MediaTypes.OCI_MANIFEST, utf8("{\"b\":1}"));
    layout.tag("docker.io/library/x:1", a);
    layout.tag("docker.io/library/x:1", b);
    layout.tag("docker.io/library/x:2", a);
    assertThat(layout.manifests()).hasSize(2);
    assertThat(layout.lookup("docker.io/library/x:1").orElseThrow().digest()).isEqualTo(b.digest());
  }

  @Test
  void writerIsDeterministic_andImagesLoadBack() throws Exception {
    Descriptor first = writeSample(OciLayout.open(tmp.resolve("a")));
    OciLayout layout = OciLayout.open(tmp.resolve("b"));
    Descriptor second = writeSample(layout);
    assertThat(second.digest()).isEqualTo(first.digest());
    Image image =
        layout.loadImage(
            new PinnedRef(ImageReference.parse("x:1"), second.digest()), Platform.LINUX_AMD64);
    assertThat(image.config().cmd()).containsExactly("/bin/hello");
    assertThat(image.config().mobyConfig()).contains("{\"readonly\":true}");
    assertThat(image.config().diffIds()).hasSize(1);
    try (TarArchiveInputStream tar = new TarArchiveInputStream(image.layers().get(0).openTar())) {
      List<String> names = new ArrayList<>();
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        names.add(e.getName() + " " + Integer.toOctalString(e.getMode()) + " " + e.getLongUserId());
      }
      assertThat(names).containsExactly("bin/ 40755 0", "bin/hello 100755 0", "bin/sh 120777 0");
    }
  }

  @Test
  void indexLoadsThePlatformManifest_andRefusesAMissingPlatform() throws Exception {
    OciLayout layout = OciLayout.open(tmp.resolve("l"));
    Descriptor amd = OciImageWriter.into(layout).layer(tar("amd")).cmd("amd").writeManifest();
    Descriptor arm =
        OciImageWriter.into(layout)
            .platform(Platform.LINUX_ARM64)
            .layer(tar("arm"))
            .cmd("arm")
            .dockerMediaTypes()
            .writeManifest();
    Descriptor idx = OciImageWriter.writeIndex(layout, List.of(amd, arm), false);
    PinnedRef ref = new PinnedRef(ImageReference.parse("x:multi"), idx.digest());
    assertThat(layout.loadImage(ref, Platform.LINUX_ARM64).config().cmd()).containsExactly("arm");
    Image amdImage = layout.loadImage(ref, Platform.LINUX_AMD64);
    assertThat(amdImage.config().cmd()).containsExactly("amd");
    assertThat(amdImage.index()).isPresent();
    assertThatThrownBy(() -> layout.loadImage(ref, Platform.parse("linux/s390x")))
        .isInstanceOf(ImageNotFoundException.class)
        .hasMessageContaining("linux/amd64");
  }

  @Test
  void pinnedDigestThatDoesNotMatchTheStoredBytes_isRefused() throws Exception {
    OciLayout layout = OciLayout.open(tmp.resolve("l"));
    Descriptor m = writeSample(layout);
    Path blob = layout.blobPath(m.digest());
    byte[] bytes = Files.readAllBytes(blob);
    bytes[bytes.length - 2] = ' ';
    Files.write(blob, bytes);
    PinnedRef ref = new PinnedRef(ImageReference.parse("x:1"), m.digest());
    assertThatThrownBy(() -> OciLayout.open(tmp.resolve("l")).loadImage(ref, Platform.LINUX_AMD64))
        .isInstanceOf(BlobVerificationException.class);
  }

  static byte[] tar(String content) {
    return new LayerTarBuilder().file("f", 0644, utf8(content)).build();
  }

  static Descriptor writeSample(OciLayout layout) throws Exception {
    byte[] tar =
        new LayerTarBuilder()
            .directory("bin", 0755)
            .file("bin/hello", 0755, utf8("#!/bin/sh\necho hi\n"))
            .symlink("bin/sh", "hello")
            .build();
    return OciImageWriter.into(layout)
        .layer(tar)
        .cmd("/bin/hello")
        .env("PATH=/bin")
        .label("org.mobyproject.config", "{\"readonly\":true}")
        .writeManifest();
  }
}
