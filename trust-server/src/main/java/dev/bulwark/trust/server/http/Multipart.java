package dev.bulwark.trust.server.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict {@code multipart/form-data} parser (RFC 7578) for the update POST: returns each part's
 * file name and bytes, or throws {@code MALFORMED_UPLOAD}.
 */
public final class Multipart {
  private static final Pattern BOUNDARY =
      Pattern.compile("(?i)boundary=(?:\"([^\"]{1,70})\"|([^;\\s]{1,70}))");
  private static final Pattern FILENAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");
  private static final byte[] CRLF = {'\r', '\n'};

  /** One uploaded part: the {@code filename} of its Content-Disposition and its bytes. */
  public record Part(String filename, byte[] data) {}

  private Multipart() {}

  public static String boundary(String contentType) throws ApiException {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw malformed("expected Content-Type multipart/form-data, got " + contentType);
    }
    Matcher m = BOUNDARY.matcher(contentType);
    if (!m.find()) {
      throw malformed("Content-Type has no boundary");
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  public static List<Part> parse(byte[] body, String boundary) throws ApiException {
    byte[] delim = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int pos = indexOf(body, delim, 0);
    if (pos < 0) {
      throw malformed("no multipart boundary found");
    }
    List<Part> parts = new ArrayList<>();
    while (true) {
      int after = pos + delim.length;
      if (startsWith(body, after, new byte[] {'-', '-'})) {
        return parts;
      }
      if (!startsWith(body, after, CRLF)) {
        throw malformed("boundary not followed by CRLF");
      }
      byte[] next = concat(CRLF, delim);
      int end = indexOf(body, next, after + 2);
      if (end < 0) {
        throw malformed("multipart body is truncated (no closing boundary)");
      }
      parts.add(part(Arrays.copyOfRange(body, after + 2, end)));
      pos = end + 2;
    }
  }

  private static Part part(byte[] raw) throws ApiException {
    int split = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'}, 0);
    if (split < 0) {
      throw malformed("multipart part has no header/body separator");
    }
    String headers = new String(raw, 0, split, StandardCharsets.UTF_8);
    String filename = null;
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
        Matcher m = FILENAME.matcher(line);
        filename = m.find() ? m.group(1) : "";
      }
    }
    if (filename == null) {
      throw malformed("multipart part has no Content-Disposition");
    }
    return new Part(filename, Arrays.copyOfRange(raw, split + 4, raw.length));
  }

  private static ApiException malformed(String why) {
    return ApiException.of(ErrorCode.MALFORMED_UPLOAD, why);
  }

  private static boolean startsWith(byte[] a, int at, byte[] prefix) {
    if (at + prefix.length > a.length) {
      return false;
    }
    return Arrays.equals(a, at, at + prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = from; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
