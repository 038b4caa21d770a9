package dev.bulwark.builder.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigParserTest {

  static String example(String name) throws IOException {
    try (InputStream in =
        ConfigParserTest.class.getResourceAsStream("/linuxkit-examples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "docker.yml", "historical-sshd-with-trust-2021.yml", "linuxkit.yml", "minimal.yml",
        "redis-os.yml", "sshd.yml", "test-reproducible.yml", "volumes.yml"
      })
  void everyLinuxKitExample_parses(String file) throws Exception {
    BuildConfig c = ConfigParser.parse(file, example(file));
    assertThat(c.kernel()).isPresent();
    assertThat(c.init()).isNotEmpty();
  }

  @Test
  void minimal_hasExpandedReferencesAndSettings() throws Exception {
    BuildConfig c = ConfigParser.parse("minimal.yml", example("minimal.yml"));
    assertThat(c.kernel().orElseThrow().image()).isEqualTo("docker.io/linuxkit/kernel:6.12.59");
    assertThat(c.kernel().orElseThrow().tar()).contains("kernel.tar");
    assertThat(c.onboot().getFirst().name()).isEqualTo("dhcpcd");
    assertThat(c.onboot().getFirst().settings().get("command"))
        .isEqualTo(List.of("/sbin/dhcpcd", "--nobackground", "-f", "/dhcpcd.conf", "-1"));
    assertThat(c.services().getFirst().settings().get("env")).isEqualTo(List.of("INSECURE=true"));
  }

  @Test
  void historicalTrustBlock_isRead() throws Exception {
    BuildConfig c = ConfigParser.parse("t.yml", example("historical-sshd-with-trust-2021.yml"));
    assertThat(c.trust().org()).containsExactly("linuxkit");
  }

  @Test
  void misspelledField_isRefusedWithLineAndColumn() throws Exception {
    String yaml = example("minimal.yml").replace("    command:", "    comand:");
    assertThatThrownBy(() -> ConfigParser.parse("minimal.yml", yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("minimal.yml:11:5: unknown field 'comand' in 'onboot[0]'")
        .hasMessageContaining("did you mean 'command'?");
  }

  @Test
  void unknownTopLevelField_isRefused() {
    assertThatThrownBy(() -> ConfigParser.parse("x.yml", "init: []\nunknownField: 1\n"))
        .hasMessageStartingWith("x.yml:2:1: unknown field 'unknownField' in the top level");
  }

  @Test
  void wrongScalarType_isRefusedWithPosition() {
    assertThatThrownBy(
            () ->
                ConfigParser.parse(
                    "x.yml", "files:\n  - path: a\n    contents: x\n    mode: 0644\n"))
        .hasMessageStartingWith("x.yml:4:11: expected a string for 'files[0].mode'");
  }

  @Test
  void duplicateServiceName_isRefused() {
    String yaml = "services:\n  - name: a\n    image: x\n  - name: a\n    image: y\n";
    assertThatThrownBy(() -> ConfigParser.parse("x.yml", yaml))
        .hasMessageContaining("x.yml:4:5: container name 'a' is already used at x.yml:2:5");
  }

  @Test
  void duplicateKey_isRefused() {
    assertThatThrownBy(() -> ConfigParser.parse("x.yml", "init: []\ninit: []\n"))
        .hasMessageContaining("x.yml:2:1: duplicate field 'init'");
  }

  @Test
  void missingImageName_isRefused() {
    assertThatThrownBy(() -> ConfigParser.parse("x.yml", "services:\n  - name: a\n"))
        .hasMessageStartingWith("x.yml:2:5: missing required field 'image' in 'services[0]'");
  }

  @Test
  void badYaml_namesThePosition() {
    assertThatThrownBy(() -> ConfigParser.parse("x.yml", "init: [a\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("x.yml:");
  }

  @Test
  void fileWithContentsAndSource_isRefused() {
    String yaml = "files:\n  - path: a\n    contents: x\n    source: /etc/hosts\n";
    assertThatThrownBy(() -> ConfigParser.parse("x.yml", yaml))
        .hasMessageContaining("only one of contents, source and metadata");
  }

  @Test
  void label_refusesNameAndAcceptsSettings() throws Exception {
    assertThat(ConfigParser.parseLabel("img", "{\"capabilities\":[\"CAP_SYS_ADMIN\"]}"))
        .containsKey("capabilities");
    assertThatThrownBy(() -> ConfigParser.parseLabel("img", "{\"name\":\"x\"}"))
        .hasMessageContaining("unknown field 'name'");
  }

  @Test
  void severalFiles_appendSectionsAndOverrideKernel() throws Exception {
    BuildConfig a =
        ConfigParser.parse("a.yml", "kernel:\n  image: k:1\n  cmdline: c\ninit: [i1]\n");
    BuildConfig b = ConfigParser.parse("b.yml", "kernel:\n  image: k:2\ninit: [i2]\n");
    BuildConfig m = ConfigMerger.append(a, b);
    assertThat(m.init())
        .extracting(InitImage::image)
        .containsExactly("docker.io/library/i1:latest", "docker.io/library/i2:latest");
    assertThat(m.kernel().orElseThrow().image()).isEqualTo("docker.io/library/k:2");
    assertThat(m.kernel().orElseThrow().cmdline()).isEqualTo("c");
  }
}
