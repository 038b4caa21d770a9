package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The start-up shortcuts: same answers as the full command tree, less work. */
class StartupTest {
  @Test
  void versionOnlyMatchesExactlyTheVersionFlags() {
    assertThat(Main.versionOnly(new String[] {"--version"})).isTrue();
    assertThat(Main.versionOnly(new String[] {"-V"})).isTrue();
    assertThat(Main.versionOnly(new String[] {})).isFalse();
    assertThat(Main.versionOnly(new String[] {"--version", "trust"})).isFalse();
    assertThat(Main.versionOnly(new String[] {"trust", "--version"})).isFalse();
    assertThat(Main.versionOnly(new String[] {"--help"})).isFalse();
  }

  @Test
  void rootAlonePrintsTheSameVersionAsTheWholeTree() {
    assertThat(version(Main.rootOnly())).isEqualTo(version(Main.commandLine()));
    assertThat(version(Main.commandLine())).isEqualTo("bulwark 0.1.0" + System.lineSeparator());
  }

  @Test
  void warmUpVerifiesItsFixedSignature() {
    assertThat(Main.warmUpCrypto()).isTrue();
  }

  @Test
  void everyFamilyTrainsWithoutNetworkOrDisk() {
    for (AotTraining.Family f : AotTraining.Family.values()) {
      AotTraining.run(f);
    }
  }

  @Test
  void unknownFamilyIsRefusedByName() {
    assertThatThrownBy(() -> AotTraining.Family.of("servers"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown AOT family 'servers'");
  }

  private static String version(CommandLine cl) {
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("--version")).isZero();
    return out.toString();
  }
}
