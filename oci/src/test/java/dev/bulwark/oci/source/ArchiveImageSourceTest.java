package dev.bulwark.oci.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.oci.BlobVerificationException;
import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.Image;
import dev.bulwark.oci.ImageNotFoundException;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.PinnedRef;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.layout.LayerTarBuilder;
import dev.bulwark.oci.layout.OciArchiveWriter;
import dev.bulwark.oci.layout.OciImageWriter;
import dev.bulwark.oci.layout.OciLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveImageSourceTest {
  @TempDir Path tmp;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private Descriptor sample(OciLayout layout) throws Exception {
    Descriptor m =
        OciImageWriter.into(layout)
            .layer(new LayerTarBuilder().file("hello", 0755, utf8("hi")).build())
            .cmd("/hello")
            .writeManifest();
    layout.tag("docker.io/linuxkit/hello:1", m);
    layout.tag("2", m);
    return m;
  }

  @Test
  void archiveRoundTrip_isDeterministic_andLoadsByName() throws Exception {
    Descriptor m = sample(OciLayout.open(tmp.resolve("a")));
    sample(OciLayout.open(tmp.resolve("b")));
    OciArchiveWriter.write(OciLayout.open(tmp.resolve("a")), tmp.resolve("a.tar"));
    OciArchiveWriter.write(OciLayout.open(tmp.resolve("b")), tmp.resolve("b.tar"));
    assertThat(Files.readAllBytes(tmp.resolve("a.tar")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("b.tar")));

    LayoutImageSource source =
        ArchiveImageSource.importInto(tmp.resolve("a.tar"), OciLayout.open(tmp.resolve("cache")));
    PinnedRef pinned = source.resolveUnverified(ImageReference.parse("linuxkit/hello:1"));
    assertThat(pinned.digest()).isEqualTo(m.digest());
    assertThat(source.resolveUnverified(ImageReference.parse("example.org/any:2")).digest())
        .isEqualTo(m.digest());
    Image image = source.load(pinned, Platform.LINUX_AMD64);
    assertThat(image.config().cmd()).containsExactly("/hello");
    assertThatThrownBy(() -> source.resolveUnverified(ImageReference.parse("linuxkit/hello:3")))
        .isInstanceOf(ImageNotFoundException.class);
  }

  @Test
  void archiveBlobNotMatchingItsName_isRefused_andNothingStays() throws Exception {
    OciLayout layout = OciLayout.open(tmp.resolve("a"));
    Descriptor m = sample(layout);
    byte[] bytes = Files.readAllBytes(layout.blobPath(m.digest()));
    bytes[bytes.length - 2] = ' ';
    Files.write(layout.blobPath(m.digest()), bytes);
    OciArchiveWriter.write(layout, tmp.resolve("bad.tar"));
    OciLayout cache = OciLayout.open(tmp.resolve("cache"));
    assertThatThrownBy(() -> ArchiveImageSource.importInto(tmp.resolve("bad.tar"), cache))
        .isInstanceOf(BlobVerificationException.class)
        .hasMessageContaining(m.digest().toString());
    assertThat(Files.exists(cache.blobPath(m.digest()))).isFalse();
    assertThat(cache.manifests()).isEmpty();
  }

  @Test
  void hostileEntryNames_neverBecomePaths() throws Exception {
    byte[] evil = utf8("pwned");
    byte[] tar =
        new LayerTarBuilder()
            .file("../escape", 0644, evil)
            .file("blobs/sha256/../../../escape2", 0644, evil)
            .file("index.json", 0644, utf8("{\"schemaVersion\":2,\"manifests\":[]}"))
            .build();
    Files.write(tmp.resolve("evil.tar"), tar);
    OciLayout cache = OciLayout.open(tmp.resolve("cache"));
    assertThatThrownBy(() -> ArchiveImageSource.importInto(tmp.resolve("evil.tar"), cache))
        .hasMessageContaining("blobs/sha256/../../../escape2");
    try (Stream<Path> s = Files.walk(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("escape"));
    }
  }
}
