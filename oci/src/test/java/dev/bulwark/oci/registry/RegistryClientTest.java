package dev.bulwark.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.oci.BlobVerificationException;
import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.Digest;
import dev.bulwark.oci.Image;
import dev.bulwark.oci.ImageNotFoundException;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.Manifest;
import dev.bulwark.oci.ManifestDocument;
import dev.bulwark.oci.PinnedRef;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.RegistryException;
import dev.bulwark.oci.layout.LayerTarBuilder;
import dev.bulwark.oci.layout.OciImageWriter;
import dev.bulwark.oci.layout.OciLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryClientTest {
  @TempDir Path tmp;
  private FakeRegistry registry;
  private OciLayout cache;
  private Descriptor manifest;
  private OciLayout served;
  private RegistryClient client;

  @BeforeEach
  void setUp() throws Exception {
    served = OciLayout.open(tmp.resolve("served"));
    byte[] tar =
        new LayerTarBuilder().file("hello", 0755, "hi".getBytes(StandardCharsets.UTF_8)).build();
    manifest = OciImageWriter.into(served).layer(tar).cmd("/hello").writeManifest();
    served.tag("v1", manifest);
    registry = new FakeRegistry(served);
    cache = OciLayout.open(tmp.resolve("cache"));
    client = RegistryClient.builder().build();
  }

  @AfterEach
  void tearDown() {
    registry.close();
  }

  private PinnedRef pinned() throws Exception {
    return new PinnedRef(ImageReference.parse(registry.host() + "/demo/app:v1"), manifest.digest());
  }

  private List<String> cacheBlobs() throws Exception {
    try (Stream<Path> s = Files.walk(cache.root().resolve("blobs"))) {
      return s.filter(Files::isRegularFile).map(Path::toString).toList();
    }
  }

  @Test
  void pullByDigest_withAnonymousToken_loadsTheImage() throws Exception {
    registry.requireToken = true;
    Image image = client.pull(pinned(), Platform.LINUX_AMD64, cache);
    assertThat(image.config().cmd()).containsExactly("/hello");
    assertThat(image.layers()).hasSize(1);
    FakeRegistry.Request tokenRequest =
        registry.requests.stream()
            .filter(r -> r.uri().startsWith("/token"))
            .findFirst()
            .orElseThrow();
    assertThat(tokenRequest.uri())
        .contains("service=fake")
        .contains("scope=repository%3Ademo%2Fapp%3Apull");
    assertThat(tokenRequest.authorization()).isNull();
    assertThat(cache.lookup(registry.host() + "/demo/app:v1")).isPresent();
  }

  @Test
  void blobRedirectToAnotherOrigin_carriesNoCredentials() throws Exception {
    registry.requireToken = true;
    registry.redirectBlobs = true;
    client.pull(pinned(), Platform.LINUX_AMD64, cache);
    assertThat(registry.requestsTo("storage")).hasSize(2); // config + layer
    assertThat(registry.requestsTo("storage"))
        .allSatisfy(r -> assertThat(r.authorization()).isNull());
    assertThat(registry.requestsTo("api"))
        .filteredOn(r -> r.uri().contains("/blobs/"))
        .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + FakeRegistry.TOKEN));
  }

  @Test
  void basicCredentials_goToTheTokenRealmOnly_andAreNotSentToStorage() throws Exception {
    registry.requireToken = true;
    registry.redirectBlobs = true;
    RegistryClient withCreds =
        RegistryClient.builder()
            .credentials(Credentials.of(registry.host(), new BasicCredentials("alice", "s3cret")))
            .build();
    withCreds.pull(pinned(), Platform.LINUX_AMD64, cache);
    assertThat(registry.requests)
        .filteredOn(r -> r.uri().startsWith("/token"))
        .allSatisfy(r -> assertThat(r.authorization()).startsWith("Basic "));
    assertThat(registry.requestsTo("storage"))
        .allSatisfy(r -> assertThat(r.authorization()).isNull());
  }

  @Test
  void tamperedBlob_isRefused_andNothingStaysInTheCache() throws Exception {
    registry.tamper =
        bytes -> {
          byte[] copy = bytes.clone();
          if (copy.length > 0 && copy[0] == 0x1f) { // gzip layer only
            copy[copy.length - 1] ^= 1;
          }
          return copy;
        };
    assertThatThrownBy(() -> client.pull(pinned(), Platform.LINUX_AMD64, cache))
        .isInstanceOf(BlobVerificationException.class)
        .hasMessageContaining("does not match");
    Manifest m = (Manifest) ManifestDocument.parse(served.readBlob(manifest), null);
    assertThat(Files.exists(cache.blobPath(m.layers().get(0).digest()))).isFalse();
    assertThat(cacheBlobs()).noneMatch(p -> p.contains(".partial"));
    assertThat(cacheBlobs()).hasSize(2); // manifest + config, both verified; the layer is absent
    assertThat(cache.lookup(registry.host() + "/demo/app:v1")).isEmpty();
  }

  @Test
  void manifestNotMatchingThePinnedDigest_isRefused_andNotStored() throws Exception {
    registry.tamper =
        bytes ->
            new String(bytes, StandardCharsets.UTF_8)
                .replace("\"schemaVersion\":2", "\"schemaVersion\": 2")
                .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> client.pull(pinned(), Platform.LINUX_AMD64, cache))
        .isInstanceOf(BlobVerificationException.class)
        .hasMessageContaining(manifest.digest().toString());
    assertThat(cacheBlobs()).isEmpty();
  }

  @Test
  void endlessManifest_isCutOffAtTheSizeLimit() throws Exception {
    registry.endlessManifest = true;
    assertThatThrownBy(() -> client.pull(pinned(), Platform.LINUX_AMD64, cache))
        .isInstanceOf(BlobVerificationException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void redirectLoop_isRefused() throws Exception {
    registry.redirectLoop = true;
    assertThatThrownBy(() -> client.pull(pinned(), Platform.LINUX_AMD64, cache))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("redirects");
  }

  @Test
  void unknownDigest_isNotFound() throws Exception {
    PinnedRef missing =
        new PinnedRef(
            ImageReference.parse(registry.host() + "/demo/app:v1"), Digest.sha256(new byte[] {1}));
    assertThatThrownBy(() -> client.pull(missing, Platform.LINUX_AMD64, cache))
        .isInstanceOf(ImageNotFoundException.class)
        .hasMessageContaining("MANIFEST_UNKNOWN");
  }

  @Test
  void resolveTagUnverified_hashesTheBytesReceived() throws Exception {
    PinnedRef p =
        client.resolveTagUnverified(ImageReference.parse(registry.host() + "/demo/app:v1"));
    assertThat(p.digest()).isEqualTo(manifest.digest());
  }

  @Test
  void basicChallengeWithoutCredentials_failsWithAClearMessage() throws Exception {
    registry.basicChallengeOnly = "fake";
    assertThatThrownBy(() -> client.pull(pinned(), Platform.LINUX_AMD64, cache))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("requires a user name and password");
  }

  @Test
  void secondPull_isServedFromTheCache() throws Exception {
    client.pull(pinned(), Platform.LINUX_AMD64, cache);
    int before = registry.requests.size();
    client.pull(pinned(), Platform.LINUX_AMD64, cache);
    assertThat(registry.requests).hasSize(before);
  }

  @Test
  void registrySource_usesAnIntactCache_andRepairsACorruptedOne() throws Exception {
    dev.bulwark.oci.source.RegistryImageSource source =
        new dev.bulwark.oci.source.RegistryImageSource(client, cache);
    Image first = source.load(pinned(), Platform.LINUX_AMD64);
    int before = registry.requests.size();
    source.load(pinned(), Platform.LINUX_AMD64);
    assertThat(registry.requests).hasSize(before);

    Path layer = first.layers().get(0).blob();
    Files.write(layer, new byte[] {1, 2, 3});
    dev.bulwark.oci.source.RegistryImageSource fresh =
        new dev.bulwark.oci.source.RegistryImageSource(client, OciLayout.open(cache.root()));
    Image repaired = fresh.load(pinned(), Platform.LINUX_AMD64);
    assertThat(registry.requests)
        .filteredOn(r -> r.uri().contains("/blobs/"))
        .hasSizeGreaterThan(2);
    assertThat(Files.readAllBytes(repaired.layers().get(0).blob()))
        .isEqualTo(
            Files.readAllBytes(served.blobPath(first.layers().get(0).descriptor().digest())));
  }

  @Test
  void concurrentPullsIntoOneCache_allSucceed_andLeaveNoTemporaryFiles() throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      List<java.util.concurrent.Future<Image>> pulls = new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        pulls.add(pool.submit(() -> client.pull(pinned(), Platform.LINUX_AMD64, cache)));
      }
      for (java.util.concurrent.Future<Image> f : pulls) {
        assertThat(f.get().config().cmd()).containsExactly("/hello");
      }
    } finally {
      pool.shutdown();
    }
    assertThat(cacheBlobs()).hasSize(3).noneMatch(p -> p.contains(".partial"));
    assertThat(cache.manifests()).hasSize(1);
  }

  @Test
  void blobDeclaredAboveTheLimit_isRefusedBeforeDownload() throws Exception {
    RegistryClient small = RegistryClient.builder().maxBlobBytes(16).build();
    assertThatThrownBy(() -> small.pull(pinned(), Platform.LINUX_AMD64, cache))
        .isInstanceOf(BlobVerificationException.class)
        .hasMessageContaining("above the limit of 16");
    assertThat(registry.requests).noneMatch(r -> r.uri().contains("/blobs/"));
  }
}
