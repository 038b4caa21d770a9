package dev.bulwark.trust.client.notary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustPinningTest {
  private final Gun gun = new Gun("localhost:5000/linuxkit/busybox");

  @Test
  void exactCertEntry_beatsWildcards() {
    TrustPinning p =
        new TrustPinning(
            Map.of(
                "localhost:5000/linuxkit/busybox",
                List.of("exact"),
                "localhost:5000/*",
                List.of("wide")),
            Map.of(),
            false);
    assertThat(p.pinnedCertIds(gun)).contains(List.of("exact"));
  }

  @Test
  void longestWildcardPrefix_wins() {
    TrustPinning p =
        new TrustPinning(
            Map.of(
                "localhost:5000/*",
                List.of("wide"),
                "localhost:5000/linuxkit/*",
                List.of("narrow")),
            Map.of(),
            false);
    assertThat(p.pinnedCertIds(gun)).contains(List.of("narrow"));
    assertThat(p.pinnedCertIds(new Gun("other/x"))).isEmpty();
  }

  @Test
  void longestCaPrefix_wins() {
    TrustPinning p =
        new TrustPinning(
            Map.of(),
            Map.of(
                "localhost:5000/",
                Path.of("wide.pem"),
                "localhost:5000/linuxkit/",
                Path.of("narrow.pem")),
            true);
    assertThat(p.pinnedCa(gun)).contains(Path.of("narrow.pem"));
    assertThat(p.pinnedCa(new Gun("docker.io/library/alpine"))).isEmpty();
  }
}
