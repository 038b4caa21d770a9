package dev.bulwark.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {
  private static final String D =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "alpine, docker.io/library/alpine:latest",
    "alpine:3.20, docker.io/library/alpine:3.20",
    "linuxkit/init:v1.0, docker.io/linuxkit/init:v1.0",
    "docker.io/alpine, docker.io/library/alpine:latest",
    "index.docker.io/library/alpine:edge, docker.io/library/alpine:edge",
    "localhost/x, localhost/x:latest",
    "localhost:5000/x/y:tag, localhost:5000/x/y:tag",
    "127.0.0.1:5000/linuxkit/init:v1, 127.0.0.1:5000/linuxkit/init:v1",
    "ghcr.io/a/b/c, ghcr.io/a/b/c:latest",
    "Registry.Example.com/a, Registry.Example.com/a:latest",
    "[::1]:5000/x, [::1]:5000/x:latest",
    "a__b/c-d.e, docker.io/a__b/c-d.e:latest",
    "x---y, docker.io/library/x---y:latest",
    "host:5000/x@" + D + ", host:5000/x@" + D,
    "alpine:3@" + D + ", docker.io/library/alpine:3@" + D,
  })
  void parsesAndNormalises(String input, String expected) throws Exception {
    assertThat(ImageReference.parse(input).toString()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "",
        "Alpine",
        "docker.io/Library/alpine",
        "alpine:",
        "alpine:-tag",
        "alpine:.tag",
        "alpine@sha256:abc",
        "alpine@md5:0123456789abcdef0123456789abcdef",
        "alpine@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
        "/alpine",
        "alpine/",
        "a//b",
        "host:99999/x",
        "host:0/x",
        "host:abc/x",
        "-host.com/x",
        "host..com/x",
        "al pine",
        "alpine\n",
        "alpine\u0000",
        "alpïne",
        "../../etc/passwd",
        "a/../b",
        "x_/y",
        "x.-y",
        ":tag",
        "@" + D,
        "localhost:5000/",
      })
  void refusesMalformedOrHostile(String input) {
    assertThatThrownBy(() -> ImageReference.parse(input))
        .isInstanceOf(InvalidReferenceException.class)
        .hasMessageNotContaining("\n");
  }

  @org.junit.jupiter.api.Test
  void refusesOverlongNamesAndTags() {
    assertThatThrownBy(() -> ImageReference.parse("a/" + "b".repeat(300)))
        .isInstanceOf(InvalidReferenceException.class);
    assertThatThrownBy(() -> ImageReference.parse("a:" + "t".repeat(129)))
        .isInstanceOf(InvalidReferenceException.class)
        .hasMessageContaining("tag");
  }

  @org.junit.jupiter.api.Test
  void exposesParts() throws Exception {
    ImageReference r = ImageReference.parse("localhost:5000/x/y:tag");
    assertThat(r.registry()).isEqualTo("localhost:5000");
    assertThat(r.repository()).isEqualTo("x/y");
    assertThat(r.tag()).contains("tag");
    assertThat(r.digest()).isEmpty();
    assertThat(r.name()).isEqualTo("localhost:5000/x/y");
  }

  @org.junit.jupiter.api.Test
  void pinnedRefRefusesAConflictingDigest() throws Exception {
    ImageReference r = ImageReference.parse("x@" + D);
    Digest other = Digest.sha256(new byte[0]);
    assertThatThrownBy(() -> new PinnedRef(r, other)).isInstanceOf(IllegalArgumentException.class);
    assertThat(PinnedRef.ofDigested(r).orElseThrow().digest().toString()).isEqualTo(D);
    assertThat(new PinnedRef(ImageReference.parse("x:1"), other).toString())
        .isEqualTo("docker.io/library/x:1@" + other);
  }
}
