package dev.bulwark.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestDocumentTest {
  static final String D1 = "sha256:" + "1".repeat(64);
  static final String D2 = "sha256:" + "2".repeat(64);
  static final String D3 = "sha256:" + "3".repeat(64);

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String desc(String type, String digest, long size) {
    return "{\"mediaType\":\"" + type + "\",\"digest\":\"" + digest + "\",\"size\":" + size + "}";
  }

  static String platformDesc(String digest, String platform) {
    return "{\"mediaType\":\""
        + MediaTypes.OCI_MANIFEST
        + "\",\"digest\":\""
        + digest
        + "\",\"size\":10,\"platform\":"
        + platform
        + "}";
  }

  @Test
  void ociManifest_isParsedAndKeepsItsBytes() throws Exception {
    String json =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MediaTypes.OCI_MANIFEST
            + "\",\"config\":"
            + desc(MediaTypes.OCI_CONFIG, D1, 5)
            + ",\"layers\":["
            + desc(MediaTypes.OCI_LAYER_GZIP, D2, 7)
            + ","
            + desc(MediaTypes.OCI_LAYER, D3, 9)
            + "],\"unknownField\":{\"kept\":true}}";
    Manifest m = (Manifest) ManifestDocument.parse(utf8(json), null);
    assertThat(m.config().digest().toString()).isEqualTo(D1);
    assertThat(m.layers()).extracting(d -> d.digest().toString()).containsExactly(D2, D3);
    assertThat(m.bytes()).isEqualTo(utf8(json));
    assertThat(m.digest()).isEqualTo(Digest.sha256(utf8(json)));
  }

  @Test
  void dockerSchema2Manifest_isParsed() throws Exception {
    String json =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MediaTypes.DOCKER_MANIFEST
            + "\",\"config\":"
            + desc(MediaTypes.DOCKER_CONFIG, D1, 5)
            + ",\"layers\":["
            + desc(MediaTypes.DOCKER_LAYER_GZIP, D2, 7)
            + "]}";
    ManifestDocument doc = ManifestDocument.parse(utf8(json), "text/plain");
    assertThat(doc).isInstanceOf(Manifest.class);
    assertThat(doc.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
  }

  @Test
  void mediaTypeFromContentType_whenBodyHasNone() throws Exception {
    String json =
        "{\"schemaVersion\":2,\"manifests\":["
            + platformDesc(D1, "{\"os\":\"linux\",\"architecture\":\"amd64\"}")
            + "]}";
    ManifestDocument doc =
        ManifestDocument.parse(utf8(json), MediaTypes.DOCKER_MANIFEST_LIST + "; charset=utf-8");
    assertThat(doc).isInstanceOf(ImageIndex.class);
    assertThat(doc.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST_LIST);
  }

  @Test
  void schema1_isRefused() {
    String json =
        "{\"schemaVersion\":1,\"mediaType\":\"" + MediaTypes.DOCKER_SCHEMA1_SIGNED + "\"}";
    assertThatThrownBy(() -> ManifestDocument.parse(utf8(json), null))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageContaining("schema 1");
  }

  @Test
  void duplicateKeys_areRefused() {
    String json =
        "{\"schemaVersion\":2,\"config\":"
            + desc(MediaTypes.OCI_CONFIG, D1, 5)
            + ",\"config\":"
            + desc(MediaTypes.OCI_CONFIG, D2, 5)
            + "}";
    assertThatThrownBy(() -> ManifestDocument.parse(utf8(json), MediaTypes.OCI_MANIFEST))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void badDescriptors_areRefusedWithTheirLocation() {
    String negative =
        "{\"schemaVersion\":2,\"config\":"
            + desc(MediaTypes.OCI_CONFIG, D1, 5)
            + ",\"layers\":["
            + desc(MediaTypes.OCI_LAYER, D2, -1)
            + "]}";
    assertThatThrownBy(() -> ManifestDocument.parse(utf8(negative), MediaTypes.OCI_MANIFEST))
        .hasMessageContaining("layers[0]");
    String badDigest =
        "{\"schemaVersion\":2,\"config\":" + desc(MediaTypes.OCI_CONFIG, "sha256:zz", 5) + "}";
    assertThatThrownBy(() -> ManifestDocument.parse(utf8(badDigest), MediaTypes.OCI_MANIFEST))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageContaining("manifest config");
    String stringSize =
        "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"x\",\"digest\":\""
            + D1
            + "\",\"size\":\"5\"}}";
    assertThatThrownBy(() -> ManifestDocument.parse(utf8(stringSize), MediaTypes.OCI_MANIFEST))
        .hasMessageContaining("size");
  }

  @Test
  void unknownMediaType_andNonObjects_areRefused() {
    assertThatThrownBy(
            () ->
                ManifestDocument.parse(
                    utf8("{\"schemaVersion\":2,\"mediaType\":\"text/html\"}"), null))
        .hasMessageContaining("text/html");
    assertThatThrownBy(() -> ManifestDocument.parse(utf8("[1,2]"), null))
        .isInstanceOf(ImageFormatException.class);
    assertThatThrownBy(() -> ManifestDocument.parse(utf8("{\"schemaVersion\":2,"), null))
        .isInstanceOf(ImageFormatException.class);
  }

  @Test
  void hugeDeclaredConfig_isRefusedBeforeAnyDownload() {
    String json =
        "{\"schemaVersion\":2,\"config\":" + desc(MediaTypes.OCI_CONFIG, D1, 10_000_000_000L) + "}";
    assertThatThrownBy(() -> ManifestDocument.parse(utf8(json), MediaTypes.OCI_MANIFEST))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageContaining("config is declared as 10000000000 bytes");
  }

  @Test
  void oversizedManifest_isRefused() {
    byte[] big = new byte[ManifestDocument.MAX_BYTES + 1];
    assertThatThrownBy(() -> ManifestDocument.parse(big, null))
        .isInstanceOf(BlobVerificationException.class);
  }

  @Test
  void imageConfig_exposesTheFieldsABuildNeeds() throws Exception {
    String json =
        "{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\",\"config\":{"
            + "\"Env\":[\"PATH=/bin\"],\"Cmd\":[\"/bin/sh\"],\"Entrypoint\":[\"/init\"],"
            + "\"WorkingDir\":\"/w\",\"User\":\"100:100\",\"Labels\":{\"org.mobyproject.config\":"
            + "\"{\\\"capabilities\\\":[\\\"all\\\"]}\"}},\"rootfs\":{\"type\":\"layers\","
            + "\"diff_ids\":[\""
            + D1
            + "\"]}}";
    ImageConfig c = ImageConfig.parse(utf8(json));
    assertThat(c.env()).containsExactly("PATH=/bin");
    assertThat(c.cmd()).containsExactly("/bin/sh");
    assertThat(c.entrypoint()).containsExactly("/init");
    assertThat(c.workingDir()).isEqualTo("/w");
    assertThat(c.user()).isEqualTo("100:100");
    assertThat(c.mobyConfig()).contains("{\"capabilities\":[\"all\"]}");
    assertThat(c.diffIds()).extracting(Digest::toString).containsExactly(D1);
    assertThat(c.architecture()).isEqualTo("arm64");
  }

  @Test
  void imageConfig_withoutConfigSection_hasEmptyDefaults() throws Exception {
    ImageConfig c = ImageConfig.parse(utf8("{\"os\":\"linux\",\"architecture\":\"amd64\"}"));
    assertThat(c.cmd()).isEmpty();
    assertThat(c.labels()).isEmpty();
    assertThat(c.mobyConfig()).isEmpty();
    assertThatThrownBy(() -> ImageConfig.parse(utf8("{\"config\":{\"Cmd\":\"/bin/sh\"}}")))
        .hasMessageContaining("Cmd");
  }
}
