package dev.bulwark.trust.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.core.error.JsonSyntaxException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict reader refuses what signed metadata must never contain. */
class JsonReaderTest {

  private static JsonValue parse(String s) throws JsonSyntaxException {
    return JsonReader.parse(s.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "1.0", "1e3", "-0.0", "{\"version\": 2.5}", "[1, 2E2]"})
  void floats_areRefused(String json) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("integer");
  }

  @Test
  void duplicateKey_isRefusedWithLineAndColumn() {
    assertThatThrownBy(() -> parse("{\n  \"a\": 1,\n  \"a\": 2\n}"))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("duplicate object key \"a\"")
        .satisfies(e -> assertThat(((JsonSyntaxException) e).line()).isEqualTo(3));
  }

  @Test
  void duplicateKeyInNestedObject_isRefused() {
    assertThatThrownBy(() -> parse("{\"signed\":{\"keys\":{\"k\":1,\"k\":1}}}"))
        .isInstanceOf(JsonSyntaxException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{} {}",
        "{}x",
        "[1] 2",
        "",
        "   ",
        "{",
        "[1,]",
        "{\"a\":1,}",
        "'a'",
        "// c\n{}",
        "NaN",
        "01"
      })
  void malformedOrTrailingContent_isRefused(String json) {
    assertThatThrownBy(() -> parse(json)).isInstanceOf(JsonSyntaxException.class);
  }

  @Test
  void deepNesting_isRefused() {
    String deep = "[".repeat(JsonReader.MAX_DEPTH + 5) + "]".repeat(JsonReader.MAX_DEPTH + 5);
    assertThatThrownBy(() -> parse(deep)).isInstanceOf(JsonSyntaxException.class);
  }

  @Test
  void unpairedSurrogate_isRefused() {
    assertThatThrownBy(() -> parse("\"\\ud800x\""))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("surrogate");
    assertThatThrownBy(() -> parse("{\"\\udc00\":1}")).isInstanceOf(JsonSyntaxException.class);
  }

  @Test
  void validDocument_keepsOrderAndBigIntegers() throws JsonSyntaxException {
    JsonObject o =
        (JsonObject) parse("{\"z\":1,\"a\":[true,false,null],\"n\":99999999999999999999}");
    assertThat(o.members().keySet()).containsExactly("z", "a", "n");
    assertThat(o.get("n")).contains(new JsonNumber(new BigInteger("99999999999999999999")));
    assertThat(o.get("a"))
        .contains(
            new JsonArray(java.util.List.of(JsonBool.TRUE, JsonBool.FALSE, JsonNull.INSTANCE)));
  }

  @Test
  void topLevelNonObject_isRefusedByParseObject() {
    assertThatThrownBy(() -> JsonReader.parseObject("[]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("object");
  }
}
