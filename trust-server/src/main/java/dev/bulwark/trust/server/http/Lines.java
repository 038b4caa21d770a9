package dev.bulwark.trust.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads CRLF- (or LF-) terminated ISO-8859-1 lines with a length limit. */
final class Lines {
  private Lines() {}

  /** A line without its terminator; {@code null} at end of stream before any byte. */
  static String read(InputStream in, int max) throws IOException {
    return read(in, max, Long.MAX_VALUE);
  }

  /**
   * Like {@link #read(InputStream, int)}, but fails with {@code 408} once {@link System#nanoTime()}
   * passes {@code deadlineNanos} (a client trickling bytes must not hold a thread forever).
   */
  static String read(InputStream in, int max, long deadlineNanos) throws IOException {
    byte[] buf = new byte[128];
    int n = 0;
    while (true) {
      if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
        throw new BadRequestException(408, "request head not complete in time");
      }
      int c = in.read();
      if (c < 0) {
        if (n == 0) {
          return null;
        }
        throw new BadRequestException("connection closed inside a line");
      }
      if (c == '\n') {
        if (n > 0 && buf[n - 1] == '\r') {
          n--;
        }
        return new String(buf, 0, n, StandardCharsets.ISO_8859_1);
      }
      if (n == max) {
        throw new BadRequestException("line longer than " + max + " bytes");
      }
      if (n == buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.min(max, buf.length * 2));
      }
      buf[n++] = (byte) c;
    }
  }
}
