package dev.bulwark.testkit.tuf;

import java.nio.charset.StandardCharsets;

/** Role names in file names and URLs: UTF-8 percent-encoding of all but {@code A-Za-z0-9-._~}. */
final class Names {
  private Names() {}

  static String encode(String role) {
    StringBuilder out = new StringBuilder();
    for (byte b : role.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean plain =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~';
      out.append(plain ? String.valueOf((char) c) : String.format("%%%02X", c));
    }
    return out.toString();
  }
}
