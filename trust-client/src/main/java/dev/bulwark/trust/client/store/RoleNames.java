package dev.bulwark.trust.client.store;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of role names for file names and URLs: every byte of the UTF-8 form except the
 * RFC 3986 unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XX}, so a role named
 * {@code ../x} or {@code a/b} can neither escape a directory nor change a URL's path.
 */
public final class RoleNames {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private RoleNames() {}

  /**
   * Encodes {@code role} so that the result contains no {@code /}, {@code ?}, {@code #} or {@code
   * %XX} ambiguity.
   */
  public static String encode(String role) {
    StringBuilder out = new StringBuilder(role.length() + 8);
    for (byte b : role.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
