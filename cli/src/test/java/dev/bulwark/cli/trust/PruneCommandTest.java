package dev.bulwark.cli.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PruneCommandTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "90d, 2026-08-31T12:00:00Z",
    "12h, 2026-11-29T00:00:00Z",
    "2w, 2026-11-15T12:00:00Z",
    "2026-01-31, 2026-01-31T00:00:00Z",
    "2026-01-31T10:15:30, 2026-01-31T10:15:30Z",
    "2026-01-31T10:15:30.5Z, 2026-01-31T10:15:30.500Z",
    "2026-01-31T10:15:30+02:00, 2026-01-31T08:15:30Z",
    "2026-11-29T12:00:00Z, 2026-11-29T12:00:00Z",
  })
  void cutoff_acceptsAgesDatesAndInstants(String text, String expected) {
    assertThat(PruneCommand.cutoff(text, NOW)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "yesterday, bad --older-than",
    "90 days, bad --older-than",
    "-5d, bad --older-than",
    "2026-13-01, bad --older-than",
    "2026-11-29T12:00:01Z, is in the future",
    "2027-01-01, is in the future",
  })
  void cutoff_refusesEverythingElse(String text, String message) {
    assertThatThrownBy(() -> PruneCommand.cutoff(text, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void badCutoff_isAUsageError_beforeAnyNetworkOrStaging() throws Exception {
    int[] codes = {
      run("prune", "example.com/app", "--older-than", "soon"),
      run("prune", "example.com/app", "--older-than", "1d", "--dry-run", "--publish"),
      run("prune", "example.com/app"),
    };
    assertThat(codes).containsExactly(2, 2, 2);
    assertThat(Files.exists(tmp.resolve("trust/tuf"))).isFalse();
  }

  @Test
  void help_saysTheTimesAreTheServersAndNotSigned() throws Exception {
    StringWriter out = new StringWriter();
    var cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    assertThat(cl.execute("trust", "prune", "--help")).isZero();
    assertThat(out.toString()).contains("not signed").contains("--older-than");
    StringWriter log = new StringWriter();
    cl = Main.commandLine();
    cl.setOut(new PrintWriter(log, true));
    assertThat(cl.execute("trust", "log", "--help")).isZero();
    assertThat(log.toString()).contains("not signed").contains("--json");
  }

  private int run(String... args) throws Exception {
    Path config = Files.writeString(tmp.resolve("config.json"), "{}");
    String[] all = new String[args.length + 7];
    String[] globals = {
      "trust",
      "-s",
      "https://127.0.0.1:1",
      "-d",
      tmp.resolve("trust").toString(),
      "-c",
      config.toString()
    };
    System.arraycopy(globals, 0, all, 0, globals.length);
    System.arraycopy(args, 0, all, globals.length, args.length);
    var cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    return cl.execute(all);
  }
}
