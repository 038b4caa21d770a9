package dev.bulwark.oci;

import static dev.bulwark.oci.ManifestDocumentTest.platformDesc;
import static dev.bulwark.oci.ManifestDocumentTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformSelectionTest {
  private static final String AMD = "sha256:" + "a".repeat(64);
  private static final String ARM64 = "sha256:" + "b".repeat(64);
  private static final String ARMV7 = "sha256:" + "c".repeat(64);
  private static final String ARMV6 = "sha256:" + "d".repeat(64);
  private static final String ATTEST = "sha256:" + "e".repeat(64);

  private static ImageIndex index() throws Exception {
    String json =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MediaTypes.OCI_INDEX
            + "\",\"manifests\":["
            + platformDesc(ATTEST, "{\"os\":\"unknown\",\"architecture\":\"unknown\"}")
            + ","
            + platformDesc(ARMV6, "{\"os\":\"linux\",\"architecture\":\"arm\",\"variant\":\"v6\"}")
            + ","
            + platformDesc(ARMV7, "{\"os\":\"linux\",\"architecture\":\"arm\",\"variant\":\"v7\"}")
            + ","
            + platformDesc(
                ARM64, "{\"os\":\"linux\",\"architecture\":\"arm64\",\"variant\":\"v8\"}")
            + ","
            + platformDesc(AMD, "{\"os\":\"linux\",\"architecture\":\"amd64\"}")
            + "]}";
    return (ImageIndex) ManifestDocument.parse(utf8(json), null);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "linux/amd64, a",
    "linux/x86_64, a",
    "linux/arm64, b",
    "linux/aarch64, b",
    "linux/arm64/v8, b",
    "linux/arm/v7, c",
    "linux/arm/v6, d",
    "linux/arm, d",
  })
  void selectsTheRequestedPlatform(String wanted, String hexChar) throws Exception {
    Descriptor d = index().select(Platform.parse(wanted)).orElseThrow();
    assertThat(d.digest().hex()).isEqualTo(hexChar.repeat(64));
  }

  @Test
  void absentPlatform_selectsNothing_andListsWhatIsOffered() throws Exception {
    assertThat(index().select(Platform.parse("linux/s390x"))).isEmpty();
    assertThat(index().select(Platform.parse("windows/amd64"))).isEmpty();
    assertThat(index().platforms()).contains("linux/arm/v7", "linux/amd64");
  }

  @Test
  void malformedPlatform_isRefused() {
    assertThatThrownBy(() -> Platform.parse("linux")).isInstanceOf(InvalidReferenceException.class);
    assertThatThrownBy(() -> Platform.parse("linux/amd64/v1/x"))
        .isInstanceOf(InvalidReferenceException.class);
    assertThatThrownBy(() -> Platform.parse("linux/AMD 64"))
        .isInstanceOf(InvalidReferenceException.class);
  }
}
