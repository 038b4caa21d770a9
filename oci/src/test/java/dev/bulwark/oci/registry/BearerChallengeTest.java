package dev.bulwark.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerChallengeTest {
  @Test
  void parsesQuotedParametersWithCommas() {
    BearerChallenge c =
        BearerChallenge.parse(
                "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                    + "scope=\"repository:library/alpine:pull,push\"")
            .orElseThrow();
    assertThat(c.scheme()).isEqualTo("bearer");
    assertThat(c.param("realm")).isEqualTo("https://auth.docker.io/token");
    assertThat(c.param("service")).isEqualTo("registry.docker.io");
    assertThat(c.param("scope")).isEqualTo("repository:library/alpine:pull,push");
  }

  @Test
  void parsesBasicAndUnquotedValues() {
    BearerChallenge c = BearerChallenge.parse("Basic realm=registry").orElseThrow();
    assertThat(c.scheme()).isEqualTo("basic");
    assertThat(c.param("realm")).isEqualTo("registry");
    assertThat(BearerChallenge.parse("Bearer realm=\"a\\\"b\"").orElseThrow().param("realm"))
        .isEqualTo("a\"b");
  }

  @Test
  void toleratesGarbage() {
    assertThat(BearerChallenge.parse("Bearer").orElseThrow().params()).isEmpty();
    assertThat(BearerChallenge.parse("Bearer realm=\"unterminated").orElseThrow().param("realm"))
        .isEqualTo("unterminated");
    assertThat(BearerChallenge.parse(null)).isEmpty();
  }
}
