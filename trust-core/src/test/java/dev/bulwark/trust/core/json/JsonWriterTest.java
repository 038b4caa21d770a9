package dev.bulwark.trust.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.trust.core.error.JsonSyntaxException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Files escape control characters so strict parsers read them; canonical form does not. */
class JsonWriterTest {

  @Test
  void pemWithNewlines_isEscapedInFilesButRawInCanonicalForm() throws JsonSyntaxException {
    JsonObject key =
        JsonObject.builder()
            .put(
                "public",
                "-----BEGIN PUBLIC KEY-----\nMFkw\u0001\t\r\b\f\n-----END PUBLIC KEY-----\n")
            .put("a", "é")
            .build();
    String file = new String(JsonWriter.compact(key), StandardCharsets.UTF_8);
    assertThat(file)
        .isEqualTo(
            "{\"public\":\"-----BEGIN PUBLIC KEY-----\\nMFkw\\u0001\\t\\r\\b\\f\\n-----END PUBLIC KEY-----\\n\",\"a\":\"é\"}");
    assertThat(JsonReader.parse(JsonWriter.compact(key))).isEqualTo(key);
    assertThat(CanonicalJson.encodeToString(key)).contains("KEY-----\nMFkw");
    assertThat(new String(JsonWriter.compactSorted(key), StandardCharsets.UTF_8))
        .startsWith("{\"a\":");
  }
}
