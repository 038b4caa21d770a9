package dev.bulwark.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.oci.BlobVerificationException;
import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.Digest;
import dev.bulwark.oci.Image;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.Manifest;
import dev.bulwark.oci.ManifestDocument;
import dev.bulwark.oci.PinnedRef;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.layout.LayerTarBuilder;
import dev.bulwark.oci.layout.OciImageWriter;
import dev.bulwark.oci.layout.OciLayout;
import dev.bulwark.oci.source.RegistryImageSource;
import dev.bulwark.testkit.registry.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push and pull against the real Debian docker-registry (distribution 2.8). */
class RegistryIT {
  private static LocalRegistry registry;
  private final RegistryClient client = RegistryClient.builder().build();
  @TempDir Path tmp;

  @BeforeAll
  static void startRegistry() throws Exception {
    registry = LocalRegistry.start();
  }

  @AfterAll
  static void stopRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Descriptor image(
      OciLayout layout, Platform platform, String marker, boolean docker) throws Exception {
    byte[] tar =
        new LayerTarBuilder().directory("etc", 0755).file("etc/marker", 0644, utf8(marker)).build();
    OciImageWriter w =
        OciImageWriter.into(layout)
            .platform(platform)
            .layer(tar)
            .cmd("/bin/" + marker)
            .label("org.mobyproject.config", "{\"net\":\"host\"}");
    return (docker ? w.dockerMediaTypes() : w).writeManifest();
  }

  private ImageReference ref(String path) throws Exception {
    return ImageReference.parse(registry.host() + "/" + path);
  }

  @Test
  void pushedImage_pullsByDigestIntoTheCache() throws Exception {
    OciLayout src = OciLayout.open(tmp.resolve("src"));
    Descriptor m = image(src, Platform.LINUX_AMD64, "single", false);
    Digest pushed = client.push(src, m, ref("demo/single:1"));

    PinnedRef resolved = client.resolveTagUnverified(ref("demo/single:1"));
    assertThat(resolved.digest()).isEqualTo(pushed).isEqualTo(m.digest());

    OciLayout cache = OciLayout.open(tmp.resolve("cache"));
    Image image = client.pull(resolved, Platform.LINUX_AMD64, cache);
    assertThat(image.config().cmd()).containsExactly("/bin/single");
    assertThat(image.config().mobyConfig()).contains("{\"net\":\"host\"}");
    Manifest sent = (Manifest) ManifestDocument.parse(src.readBlob(m), m.mediaType());
    assertThat(Files.readAllBytes(image.layers().get(0).blob()))
        .isEqualTo(Files.readAllBytes(src.blobPath(sent.layers().get(0).digest())));
    assertThat(cache.lookup(registry.host() + "/demo/single:1").orElseThrow().digest())
        .isEqualTo(m.digest());
  }

  @Test
  void indexWithTwoPlatforms_pullsOnlyTheSelectedOne() throws Exception {
    OciLayout src = OciLayout.open(tmp.resolve("src"));
    Descriptor amd = image(src, Platform.LINUX_AMD64, "amd", false);
    Descriptor arm = image(src, Platform.parse("linux/arm64/v8"), "arm", false);
    Descriptor idx = OciImageWriter.writeIndex(src, List.of(amd, arm), false);
    client.push(src, idx, ref("demo/multi:1"));

    OciLayout cache = OciLayout.open(tmp.resolve("cache"));
    PinnedRef pinned = new PinnedRef(ref("demo/multi:1"), idx.digest());
    Image image = client.pull(pinned, Platform.LINUX_ARM64, cache);
    assertThat(image.config().cmd()).containsExactly("/bin/arm");
    assertThat(image.manifest().digest()).isEqualTo(arm.digest());
    assertThat(image.index().orElseThrow().digest()).isEqualTo(idx.digest());
    assertThat(Files.exists(cache.blobPath(amd.digest()))).isFalse();
  }

  @Test
  void dockerSchema2ManifestList_pushesAndPulls() throws Exception {
    OciLayout src = OciLayout.open(tmp.resolve("src"));
    Descriptor amd = image(src, Platform.LINUX_AMD64, "damd", true);
    Descriptor arm = image(src, Platform.LINUX_ARM64, "darm", true);
    Descriptor list = OciImageWriter.writeIndex(src, List.of(amd, arm), true);
    client.push(src, list, ref("demo/docker:1"));

    OciLayout cache = OciLayout.open(tmp.resolve("cache"));
    RegistryImageSource source = new RegistryImageSource(client, cache);
    PinnedRef pinned = source.resolveUnverified(ref("demo/docker:1"));
    assertThat(pinned.digest()).isEqualTo(list.digest());
    Image image = source.load(pinned, Platform.LINUX_AMD64);
    assertThat(image.config().cmd()).containsExactly("/bin/damd");
    assertThat(image.manifest().mediaType())
        .isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
  }

  @Test
  void blobTamperedInRegistryStorage_isRefusedOnPull_andNotCached() throws Exception {
    OciLayout src = OciLayout.open(tmp.resolve("src"));
    Descriptor m = image(src, Platform.LINUX_AMD64, "tampered", false);
    client.push(src, m, ref("demo/tampered:1"));
    Manifest manifest = (Manifest) ManifestDocument.parse(src.readBlob(m), m.mediaType());
    Digest layer = manifest.layers().get(0).digest();
    Path stored = registry.blobData(layer.hex());
    byte[] bytes = Files.readAllBytes(stored);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(stored, bytes);

    OciLayout cache = OciLayout.open(tmp.resolve("cache"));
    PinnedRef pinned = new PinnedRef(ref("demo/tampered:1"), m.digest());
    assertThatThrownBy(() -> client.pull(pinned, Platform.LINUX_AMD64, cache))
        .isInstanceOf(BlobVerificationException.class)
        .hasMessageContaining(layer.toString());
    assertThat(Files.exists(cache.blobPath(layer))).isFalse();
    assertThat(cache.lookup(registry.host() + "/demo/tampered:1")).isEmpty();
  }

  @Test
  void pushingTheSameImageTwice_isIdempotent() throws Exception {
    OciLayout src = OciLayout.open(tmp.resolve("src"));
    Descriptor m = image(src, Platform.LINUX_AMD64, "twice", false);
    Digest first = client.push(src, m, ref("demo/twice:1"));
    Digest second = client.push(src, m, ref("demo/twice:1"));
    assertThat(second).isEqualTo(first);
    assertThat(client.resolveTagUnverified(ref("demo/twice:1")).digest()).isEqualTo(first);
  }
}
