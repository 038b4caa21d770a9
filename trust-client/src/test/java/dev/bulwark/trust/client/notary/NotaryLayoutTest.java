package dev.bulwark.trust.client.notary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotaryLayoutTest {
  private final NotaryLayout layout = new NotaryLayout(URI.create("https://127.0.0.1:14401/"));
  private final Gun gun = new Gun("localhost:5000/linuxkit/busybox");

  @Test
  void urlsMatchWhatTheRealClientRequests() {
    // wire-log.txt #18, #19, #51 and the N.root.json walk of step "carol"
    assertThat(layout.current(gun, "timestamp"))
        .hasToString(
            "https://127.0.0.1:14401/v2/localhost:5000/linuxkit/busybox/_trust/tuf/timestamp.json");
    byte[] sha =
        HexFormat.of().parseHex("920d5592979cb235df7d3c75e7093475d18f9e72a905b882747b2e69f1d883ba");
    assertThat(layout.byChecksum(gun, "targets/releases", sha))
        .hasToString(
            "https://127.0.0.1:14401/v2/localhost:5000/linuxkit/busybox/_trust/tuf/targets/releases."
                + "920d5592979cb235df7d3c75e7093475d18f9e72a905b882747b2e69f1d883ba.json");
    assertThat(layout.byVersion(gun, "root", 3))
        .hasToString(
            "https://127.0.0.1:14401/v2/localhost:5000/linuxkit/busybox/_trust/tuf/3.root.json");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "targets/../root",
        "targets/",
        "Targets",
        "targets/a b",
        "x",
        "targets//a",
        "root/x"
      })
  void hostileRoleNames_areRefused(String role) {
    assertThatThrownBy(() -> layout.current(gun, role))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "../etc", "a//b", "/abs", "a/./b", "a/..", "a b", "a?b", "a#b", "a%2f", "a*"})
  void hostileGuns_areRefused(String name) {
    assertThatThrownBy(() -> new Gun(name)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void versionZero_isRefused() {
    assertThatThrownBy(() -> layout.byVersion(gun, "root", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
