package dev.bulwark.cli.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.trust.client.notary.CollectionHistory;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.RoleVersion;
import dev.bulwark.trust.core.json.CanonicalJson;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.Root;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogCommandTest {
  private static final Instant EXP = Instant.parse("2030-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-01T10:00:00.123Z");
  private static final Gun GUN = new Gun("example.com/app");
  private static final Root ROOT =
      new Root(
          3,
          EXP,
          Optional.empty(),
          false,
          Map.of(),
          Map.of(
              "root", new Role(List.of("ab".repeat(32)), 1),
              "targets", new Role(List.of("ab".repeat(32)), 1),
              "snapshot", new Role(List.of("ab".repeat(32)), 1),
              "timestamp", new Role(List.of("ab".repeat(32)), 1)),
          JsonObject.EMPTY);

  private static RoleVersion version(long v, Optional<Instant> at, List<String> added) {
    return new RoleVersion(
        "targets",
        v,
        "cd".repeat(32),
        at,
        EXP,
        List.of("0123456789abcdef"),
        Map.of(),
        added,
        List.of(),
        List.of("gone"));
  }

  private static CollectionHistory history(Optional<String> unavailable, Optional<Instant> at) {
    return new CollectionHistory(GUN, List.of(version(2, at, List.of("a", "b"))), unavailable, 0);
  }

  @Test
  void withTimes_eachVersionShowsIt_andTheOutputSaysTheyAreNotSigned() {
    StringWriter out = new StringWriter();
    LogCommand.text(ROOT, history(Optional.empty(), Optional.of(T1)), new PrintWriter(out, true));
    assertThat(out.toString())
        .isEqualTo(
            "root: version 3, expires 2030-01-01T00:00:00Z\n"
                + "(publish times are reported by the server's changefeed, not signed)\n"
                + String.format(
                    "%-20s v%-4d published %-20s expires %s  signed by [0123456789ab]  +a +b -gone%n",
                    "targets", 2, "2026-01-01T10:00:00Z", EXP));
  }

  @Test
  void withoutAChangefeed_timesAreDashes_andStderrHasExactlyOneWarning() {
    CollectionHistory h = history(Optional.of("the server has no changefeed"), Optional.empty());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    LogCommand.text(ROOT, h, new PrintWriter(out, true));
    LogCommand.warnings(h, new PrintWriter(err, true));
    assertThat(out.toString()).contains("published -").doesNotContain("not signed");
    assertThat(err.toString().lines())
        .containsExactly("bulwark: warning: no publish times (the server has no changefeed)");
  }

  @Test
  void json_hasOneEntryPerVersion_publishedAtNullWhenUnknown() {
    String withTime =
        CanonicalJson.encodeToString(
            LogCommand.json(ROOT, history(Optional.empty(), Optional.of(T1))));
    assertThat(withTime)
        .startsWith("{\"entries\":[{\"added\":[\"a\",\"b\"],\"changed\":[],")
        .contains("\"publishedAt\":\"2026-01-01T10:00:00.123Z\"")
        .contains("\"removed\":[\"gone\"],\"role\":\"targets\"")
        .contains("\"signedBy\":[\"0123456789abcdef\"],\"version\":2}]")
        .contains("\"gun\":\"example.com/app\"")
        .contains("\"root\":{\"expires\":\"2030-01-01T00:00:00Z\",\"version\":3}")
        .contains("\"timesUnavailable\":null");
    String without =
        CanonicalJson.encodeToString(
            LogCommand.json(ROOT, history(Optional.of("no feed"), Optional.empty())));
    assertThat(without)
        .contains("\"publishedAt\":null")
        .contains("\"timesUnavailable\":\"no feed\"");
  }
}
