package dev.bulwark.trust.server.http;

import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper for API bodies we write ourselves (errors, keys, changefeed). */
public final class Json {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  public static byte[] write(Object value) {
    return MAPPER.writeValueAsBytes(value);
  }

  public static JsonMapper mapper() {
    return MAPPER;
  }
}
