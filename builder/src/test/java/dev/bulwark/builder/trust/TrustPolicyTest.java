package dev.bulwark.builder.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.builder.config.TrustSpec;
import dev.bulwark.oci.ImageReference;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustPolicyTest {
  private static boolean covers(TrustSpec spec, String ref) throws Exception {
    return TrustPolicy.of(spec, false).covers(ImageReference.parse(ref));
  }

  @Test
  void imageEntryWithoutTag_matchesAnyTag() throws Exception {
    TrustSpec s = new TrustSpec(List.of("linuxkit/kernel"), List.of());
    assertThat(covers(s, "linuxkit/kernel:6.12")).isTrue();
    assertThat(covers(s, "docker.io/linuxkit/kernel:5.4")).isTrue();
    assertThat(covers(s, "linuxkit/init:1")).isFalse();
  }

  @Test
  void imageEntryWithTag_matchesOnlyThatTag() throws Exception {
    TrustSpec s = new TrustSpec(List.of("linuxkit/kernel:6.12"), List.of());
    assertThat(covers(s, "linuxkit/kernel:6.12")).isTrue();
    assertThat(covers(s, "linuxkit/kernel:5.4")).isFalse();
  }

  @Test
  void registryWithPort_matches_historicalPortBugFixed() throws Exception {
    TrustSpec s = new TrustSpec(List.of("localhost:5000/app"), List.of());
    assertThat(covers(s, "localhost:5000/app:1")).isTrue();
    assertThat(covers(s, "localhost:5001/app:1")).isFalse();
  }

  @Test
  void org_isFirstRepositoryComponent_libraryForOfficialImages() throws Exception {
    assertThat(covers(new TrustSpec(List.of(), List.of("linuxkit")), "linuxkit/init:1")).isTrue();
    assertThat(covers(new TrustSpec(List.of(), List.of("library")), "busybox:latest")).isTrue();
    assertThat(covers(new TrustSpec(List.of(), List.of("test")), "127.0.0.1:5000/test/init:1"))
        .isTrue();
    assertThat(covers(new TrustSpec(List.of(), List.of("linuxkit")), "redis:7")).isFalse();
  }

  @Test
  void trustAll_coversEverything() throws Exception {
    assertThat(TrustPolicy.of(TrustSpec.NONE, true).covers(ImageReference.parse("x/y:1"))).isTrue();
  }
}
