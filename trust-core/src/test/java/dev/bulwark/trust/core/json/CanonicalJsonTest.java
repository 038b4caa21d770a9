package dev.bulwark.trust.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.trust.core.error.JsonSyntaxException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OLPC canonical JSON vectors (securesystemslib encode_canonical behaviour, research/tuf.md §3).
 */
class CanonicalJsonTest {

  private static String canon(String json) throws JsonSyntaxException {
    return CanonicalJson.encodeToString(JsonReader.parse(json.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{ \"b\" : 1, \"a\" : [ 3, 1, 2 ] }|{\"a\":[3,1,2],\"b\":1}",
        "{\"b\":{\"d\":true,\"c\":null},\"a\":false}|{\"a\":false,\"b\":{\"c\":null,\"d\":true}}",
        "{\"B\":1,\"a\":2,\"_\":3,\"aa\":4,\"\":5}|{\"\":5,\"B\":1,\"_\":3,\"a\":2,\"aa\":4}",
        "[-0, 0, -12, 123456789012345678901234567890]|[0,0,-12,123456789012345678901234567890]",
        "\"quote \\\" backslash \\\\ slash \\/\"|\"quote \\\" backslash \\\\ slash /\"",
        "{}|{}",
        "[]|[]",
        "[{}, [], \"\"]|[{},[],\"\"]",
      })
  void canonicalForm(String input, String expected) throws JsonSyntaxException {
    assertThat(canon(input)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "escape {0}")
  @CsvSource(
      value = {
        "\\n,LF",
        "\\t,TAB",
        "\\u0001,SOH",
        "\\u00e9,e-acute",
        "\\u2028,line separator",
        "\\ud83d\\ude00,emoji",
      })
  void controlAndNonAsciiCharactersAreEmittedRaw(String escaped, String label)
      throws JsonSyntaxException {
    String decoded =
        ((JsonString) JsonReader.parse(("\"" + escaped + "\"").getBytes(StandardCharsets.UTF_8)))
            .value();
    byte[] out = CanonicalJson.encode(new JsonString(decoded));
    assertThat(new String(out, StandardCharsets.UTF_8)).as(label).isEqualTo("\"" + decoded + "\"");
    assertThat(out).isEqualTo(("\"" + decoded + "\"").getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0} sorts before {1}")
  @CsvSource({
    // U+FFFD (BMP, above the surrogate range) sorts BEFORE U+1F600 in code point / UTF-8 order,
    // although its UTF-16 unit 0xFFFD is greater than the high surrogate 0xD83D.
    "\\ufffd,\\ud83d\\ude00",
    "a,b",
    "a,aa",
    "Z,a",
    "\\u00e9,\\uffff",
  })
  void keysSortByCodePoint(String first, String second) throws JsonSyntaxException {
    String json = "{\"" + second + "\":2,\"" + first + "\":1}";
    String out = canon(json);
    assertThat(out).endsWith(":2}");
    byte[] f =
        ((JsonString) JsonReader.parse(("\"" + first + "\"").getBytes(StandardCharsets.UTF_8)))
            .value()
            .getBytes(StandardCharsets.UTF_8);
    byte[] s =
        ((JsonString) JsonReader.parse(("\"" + second + "\"").getBytes(StandardCharsets.UTF_8)))
            .value()
            .getBytes(StandardCharsets.UTF_8);
    assertThat(java.util.Arrays.compareUnsigned(f, s)).isNegative();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"{\"signed\":{\"b\":1,\"a\":2},\"signatures\":[]}"})
  void encodeInOrderKeepsMemberOrder(String json) throws JsonSyntaxException {
    JsonValue v = JsonReader.parse(json.getBytes(StandardCharsets.UTF_8));
    assertThat(new String(CanonicalJson.encodeInOrder(v), StandardCharsets.UTF_8)).isEqualTo(json);
    assertThat(CanonicalJson.encodeToString(v))
        .isEqualTo("{\"signatures\":[],\"signed\":{\"a\":2,\"b\":1}}");
  }
}
