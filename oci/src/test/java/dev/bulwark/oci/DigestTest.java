package dev.bulwark.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {
  @Test
  void sha256OfKnownInput() throws Exception {
    // sha256("") is a well-known constant
    assertThat(Digest.sha256(new byte[0]))
        .isEqualTo(
            Digest.parse(
                "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  }

  @Test
  void matchesComparesContent() {
    byte[] a = "a".getBytes(StandardCharsets.UTF_8);
    Digest d = Digest.sha256(a);
    assertThat(d.matches(a)).isTrue();
    assertThat(d.matches("b".getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  @Test
  void sha512IsAccepted() throws Exception {
    Digest d = Digest.parse("sha512:" + "ab".repeat(64));
    assertThat(d.algorithm()).isEqualTo("sha512");
    assertThat(d.newMessageDigest().getDigestLength()).isEqualTo(64);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sha256",
        "sha256:",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
        "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
        "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555",
        "sha256:g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "sha512:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "md5:d41d8cd98f00b204e9800998ecf8427e",
        "SHA256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "sha256:../../../../etc/passwd",
      })
  void malformedDigest_isRefused(String text) {
    assertThatThrownBy(() -> Digest.parse(text)).isInstanceOf(InvalidReferenceException.class);
  }
}
