package dev.bulwark.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LandlockConfigTest {
  @Test
  void jsonSpelling_withGroupsVariablesAndPorts_becomesAPolicy() {
    Map<String, Object> tree =
        Map.of(
            "abi", 3,
            "variable", List.of(Map.of("name", "sys", "literal", List.of("/usr", "/bin"))),
            "pathBeneath",
                List.of(Map.of("allowedAccess", List.of("abi.read_execute"), "parent", "${sys}")),
            "netPort", List.of(Map.of("allowedAccess", List.of("bind_tcp"), "port", List.of(80))));
    Policy p = LandlockConfig.fromTree(tree, CompatLevel.BEST_EFFORT, "t.json");
    assertThat(p.abi()).isEqualTo(Abi.V3);
    assertThat(p.paths())
        .extracting(PathRule::path)
        .containsExactly(Path.of("/usr"), Path.of("/bin"));
    assertThat(p.handledFs())
        .containsExactlyInAnyOrder(AccessFs.READ_FILE, AccessFs.READ_DIR, AccessFs.EXECUTE);
    assertThat(p.handledNet()).containsExactly(AccessNet.BIND_TCP);
    assertThat(p.ports()).containsExactly(new PortRule(80, java.util.Set.of(AccessNet.BIND_TCP)));
  }

  @Test
  void tomlSpelling_andRulesetSection_areRead() {
    Map<String, Object> tree =
        Map.of(
            "ruleset",
                List.of(
                    Map.of(
                        "handled_access_fs", List.of("abi.all"),
                        "scoped", List.of("signal", "abstract_unix_socket"))),
            "path_beneath",
                List.of(
                    Map.of(
                        "allowed_access", List.of("abi.read_write"), "parent", List.of("/tmp"))));
    Policy p = LandlockConfig.fromTree(tree, CompatLevel.HARD_REQUIREMENT, "t.toml");
    assertThat(p.handledFs()).isEqualTo(AccessFs.all(Abi.V7));
    assertThat(p.scopes()).containsExactlyInAnyOrder(Scope.values());
    assertThat(p.paths().getFirst().access())
        .doesNotContain(AccessFs.EXECUTE)
        .contains(AccessFs.REFER);
  }

  @Test
  void unknownRight_isAnErrorNamingTheFile() {
    Map<String, Object> tree =
        Map.of(
            "path_beneath",
            List.of(Map.of("allowed_access", List.of("write_all"), "parent", "/x")));
    assertThatThrownBy(() -> LandlockConfig.fromTree(tree, CompatLevel.BEST_EFFORT, "bad.toml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.toml")
        .hasMessageContaining("write_all");
  }

  @Test
  void writtenJson_listsExplicitRights() {
    Policy p = Policy.builder(Abi.V7).readOnly(Path.of("/etc")).connectTcp(443).build();
    String json = LandlockConfig.toJson(p);
    assertThat(json)
        .contains("\"parent\": [\"/etc\"]")
        .contains("\"port\": [443]")
        .contains("\"read_file\", \"read_dir\"")
        .doesNotContain("abi.");
  }
}
