package dev.bulwark.trust.client.notary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangefeedTest {
  private static final String OK_RECORD =
      "{\"ID\":\"7\",\"CreatedAt\":\"2026-11-28T20:54:13.136514111Z\",\"GUN\":\"example.com/app\","
          + "\"Version\":3,\"SHA256\":\""
          + "ab".repeat(32)
          + "\",\"Category\":\"update\",\"Extra\":1}";

  private static List<ChangefeedRecord> parse(String json) throws HistoryException {
    return Changefeed.parse(json.getBytes(StandardCharsets.UTF_8), FakeFeedServer.GUN, "feed");
  }

  @Test
  void notaryRecord_isParsed_unknownFieldsIgnored() throws Exception {
    List<ChangefeedRecord> rs = parse("{\"count\":1,\"records\":[" + OK_RECORD + "]}");
    assertThat(rs)
        .containsExactly(
            new ChangefeedRecord(
                7,
                Instant.parse("2026-11-28T20:54:13.136514111Z"),
                "example.com/app",
                3,
                "ab".repeat(32),
                ChangefeedRecord.Category.UPDATE));
  }

  @Test
  void emptyPageAsNotarySendsIt_recordsNull_isEmpty() throws Exception {
    assertThat(parse("{\"count\":0,\"records\":null}")).isEmpty();
    assertThat(parse("{\"count\":0,\"records\":[]}")).isEmpty();
  }

  @Test
  void deletionRecord_withoutChecksum_isParsed() throws Exception {
    String del =
        "{\"ID\":\"8\",\"CreatedAt\":\"2026-11-28T21:00:00+01:00\",\"GUN\":\"example.com/app\","
            + "\"Version\":0,\"SHA256\":\"\",\"Category\":\"deletion\"}";
    ChangefeedRecord r = parse("{\"count\":1,\"records\":[" + del + "]}").getFirst();
    assertThat(r.category()).isEqualTo(ChangefeedRecord.Category.DELETION);
    assertThat(r.createdAt()).isEqualTo(Instant.parse("2026-11-28T20:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not JSON | <html>oops</html> | feed: invalid JSON",
        "array at top level | [] | expected a JSON object",
        "duplicate key | {\"count\":0,\"count\":0,\"records\":null} | duplicate object key",
        "count missing | {\"records\":null} | count: required field missing",
        "count disagrees | {\"count\":2,\"records\":[RECORD]} | count says 2 records, the page has 1",
        "records a string | {\"count\":0,\"records\":\"x\"} | records: expected an array or null",
        "record not an object | {\"count\":1,\"records\":[1]} | records[0]",
        "ID a number | {\"count\":1,\"records\":[ID_NUMBER]} | ID",
        "ID negative | {\"count\":1,\"records\":[ID_NEGATIVE]} | expected a positive decimal number",
        "other GUN | {\"count\":1,\"records\":[OTHER_GUN]} | GUN: expected example.com/app, found evil/app",
        "bad time | {\"count\":1,\"records\":[BAD_TIME]} | expected an RFC 3339 time",
        "bad category | {\"count\":1,\"records\":[BAD_CATEGORY]} | expected \"update\" or \"deletion\"",
        "bad checksum | {\"count\":1,\"records\":[BAD_SHA]} | lower-case hex sha256",
        "float version | {\"count\":1,\"records\":[FLOAT_VERSION]} | non-integer number 3.5",
        "negative version | {\"count\":1,\"records\":[NEG_VERSION]} | Version",
      })
  void hostilePage_isRefused_withAClearError(String name, String body, String expected) {
    String json =
        body.replace("RECORD", OK_RECORD)
            .replace("ID_NUMBER", OK_RECORD.replace("\"ID\":\"7\"", "\"ID\":7"))
            .replace("ID_NEGATIVE", OK_RECORD.replace("\"ID\":\"7\"", "\"ID\":\"-7\""))
            .replace("OTHER_GUN", OK_RECORD.replace("example.com/app", "evil/app"))
            .replace("BAD_TIME", OK_RECORD.replace("2026-11-28T20:54", "yesterday"))
            .replace("BAD_CATEGORY", OK_RECORD.replace("update", "create"))
            .replace("BAD_SHA", OK_RECORD.replace("abab", "zz"))
            .replace("FLOAT_VERSION", OK_RECORD.replace("3,", "3.5,"))
            .replace("NEG_VERSION", OK_RECORD.replace("3,", "-3,"));
    assertThatThrownBy(() -> parse(json))
        .as(name)
        .isInstanceOf(HistoryException.class)
        .hasMessageStartingWith("malformed changefeed: ")
        .hasMessageContaining(expected);
  }

  @Test
  void serverRepeatingTheSamePage_isRefused_insteadOfLoopingForever() {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(Instant.parse("2026-01-01T00:00:00Z"), CollectionHistoryTest.targets("a", "1"));
    s.changefeed(
        u ->
            ("{\"count\":1,\"records\":[" + OK_RECORD.replace("ab", "cd") + "]}")
                .replace("example.com/app", FakeFeedServer.GUN.name())
                .getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> new Changefeed(s.remote()).read(FakeFeedServer.GUN, 10_000))
        .isInstanceOf(HistoryException.class)
        .hasMessageContaining("changefeed IDs must increase after 7, found record ID 7");
  }

  @Test
  void oversizedPage_isRefusedWhileReading() {
    FakeFeedServer s = new FakeFeedServer();
    s.changefeed(u -> new byte[(int) Changefeed.MAX_PAGE_BYTES + 1]);
    assertThatThrownBy(() -> new Changefeed(s.remote()).read(FakeFeedServer.GUN, 10_000))
        .isInstanceOf(dev.bulwark.trust.client.fetch.LengthExceededException.class);
  }
}
