package dev.bulwark.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.sandbox.AccessFs;
import dev.bulwark.sandbox.AccessNet;
import dev.bulwark.sandbox.CompatLevel;
import dev.bulwark.sandbox.Policy;
import dev.bulwark.sandbox.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFilesTest {
  @TempDir Path tmp;

  private static final String TOML =
      """
      # landlockconfig example
      abi = 7
      [[variable]]
      name = "sys"
      literal = ["/usr", '/bin']
      [[ruleset]]
      handled_access_fs = ["abi.all"]
      handled_access_net = ["bind_tcp", "connect_tcp"]
      scoped = ["signal"]
      [[path_beneath]]
      allowed_access = [
        "abi.read_execute",  # multi-line array
      ]
      parent = ["${sys}"]
      [[net_port]]
      allowed_access = ["connect_tcp"]
      port = [443]
      """;

  private static final String YAML =
      """
      abi: 7
      ruleset:
        - handled_access_fs: [abi.all]
          scoped: [abstract_unix_socket]
      path_beneath:
        - allowed_access: [abi.read_execute]
          parent: [/usr, /bin]
      """;

  private static final String JSON =
      """
      {"abi": 7, "pathBeneath": [{"allowedAccess": ["read_file"], "parent": ["/etc"]}],
       "netPort": [{"allowedAccess": ["bind_tcp"], "port": [8080]}]}
      """;

  private Policy read(String name, String text) throws Exception {
    Path f = tmp.resolve(name);
    Files.writeString(f, text);
    return PolicyFiles.read(f, CompatLevel.HARD_REQUIREMENT);
  }

  @Test
  void toml_landlockconfigExample_isRead() throws Exception {
    Policy p = read("p.toml", TOML);
    assertThat(p.paths()).hasSize(2);
    assertThat(p.scopes()).containsExactly(Scope.SIGNAL);
    assertThat(p.handledNet()).containsExactlyInAnyOrder(AccessNet.values());
    assertThat(p.ports()).hasSize(1);
    assertThat(p.compat()).isEqualTo(CompatLevel.HARD_REQUIREMENT);
  }

  @Test
  void yaml_sameStructure_isRead() throws Exception {
    Policy p = read("p.yml", YAML);
    assertThat(p.paths()).hasSize(2);
    assertThat(p.scopes()).containsExactly(Scope.ABSTRACT_UNIX_SOCKET);
    assertThat(p.handledNet()).isEmpty();
  }

  @Test
  void json_camelCase_isRead() throws Exception {
    Policy p = read("p.json", JSON);
    assertThat(p.handledFs()).containsExactly(AccessFs.READ_FILE);
    assertThat(p.handledNet()).containsExactly(AccessNet.BIND_TCP);
  }

  @Test
  void badToml_namesFileAndLine() {
    assertThatThrownBy(() -> read("bad.toml", "abi = 7\nparent = [\"/usr\" \"/bin\"]\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.toml:2");
  }

  @Test
  void tomlSubset_readsStringsIntegersBooleansAndTables() {
    Map<String, Object> t = TomlSubset.parse("a = \"x\\ty\"\nb = 1_000\n[t]\nc = true\n", "t.toml");
    assertThat(t).containsEntry("a", "x\ty").containsEntry("b", 1000L);
    assertThat(t.get("t")).isEqualTo(Map.of("c", true));
  }

  @Test
  void flagsMergedIntoAFile_extendHandledRightsOnlyByWhatTheyUse() throws Exception {
    Policy file = read("p.yml", YAML);
    SandboxCommand c = new SandboxCommand();
    c.rw.add(tmp);
    Policy merged = PolicyFlags.merge(file, PolicyFlags.fromFlags(c, CompatLevel.HARD_REQUIREMENT));
    assertThat(merged.paths()).hasSize(3);
    assertThat(merged.handledNet()).as("the file leaves TCP open").isEmpty();
  }
}
