package dev.bulwark.trust.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The request body as a stream that ends where the body ends: {@code Content-Length} bytes or a
 * decoded {@code Transfer-Encoding: chunked} body. The size limit is enforced by the dispatcher.
 */
abstract class BodyStream extends InputStream {

  static BodyStream of(Map<String, String> headers, InputStream in) throws IOException {
    String te = headers.get("transfer-encoding");
    String cl = headers.get("content-length");
    if (te != null && cl != null) {
      // RFC 9112 6.1: both framings at once is how requests are smuggled past a proxy.
      throw new BadRequestException("both Transfer-Encoding and Content-Length");
    }
    if (te != null) {
      if (!te.equalsIgnoreCase("chunked")) {
        throw new BadRequestException("unsupported Transfer-Encoding " + te);
      }
      return new Chunked(in);
    }
    long len = cl == null ? 0 : contentLength(cl);
    if (len < 0) {
      throw new BadRequestException("negative Content-Length");
    }
    return new Fixed(in, len);
  }

  // Repeated Content-Length headers arrive joined by ", "; identical values are harmless (RFC 9112
  // 6.3), differing ones are refused.
  private static long contentLength(String joined) throws BadRequestException {
    long len = -1;
    for (String v : joined.split(",", -1)) {
      String t = v.trim();
      if (t.isEmpty() || t.length() > 18 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new BadRequestException("bad Content-Length");
      }
      long n = Long.parseLong(t);
      if (len >= 0 && n != len) {
        throw new BadRequestException("conflicting Content-Length headers");
      }
      len = n;
    }
    return len;
  }

  /**
   * Skips what the handler did not read, up to 1 MiB; returns whether the connection is still in a
   * known state (otherwise it must be closed).
   */
  boolean drain() {
    try {
      long skipped = 0;
      byte[] buf = new byte[8192];
      int n;
      while ((n = read(buf, 0, buf.length)) > 0) {
        skipped += n;
        if (skipped > 1 << 20) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static final class Fixed extends BodyStream {
    private final InputStream in;
    private long left;

    Fixed(InputStream in, long length) {
      this.in = in;
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left == 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new BadRequestException("connection closed inside the body");
      }
      left -= n;
      return n;
    }
  }

  private static boolean emptyLine(String line) throws BadRequestException {
    if (line == null) {
      throw new BadRequestException("connection closed inside a chunked body");
    }
    return line.isEmpty();
  }

  private static final class Chunked extends BodyStream {
    private final InputStream in;
    private long chunkLeft;
    private boolean done;

    Chunked(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (done) {
        return -1;
      }
      if (chunkLeft == 0 && !nextChunk()) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, chunkLeft));
      if (n < 0) {
        throw new BadRequestException("connection closed inside a chunk");
      }
      chunkLeft -= n;
      if (chunkLeft == 0 && !emptyLine(Lines.read(in, 2))) {
        throw new BadRequestException("chunk not followed by CRLF");
      }
      return n;
    }

    private boolean nextChunk() throws IOException {
      String size = Lines.read(in, 64);
      if (size == null) {
        throw new BadRequestException("connection closed before a chunk");
      }
      int semi = size.indexOf(';');
      String hex = (semi < 0 ? size : size.substring(0, semi)).trim();
      if (hex.isEmpty()
          || hex.length() > 15
          || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        throw new BadRequestException("bad chunk size");
      }
      chunkLeft = Long.parseLong(hex, 16);
      if (chunkLeft == 0) {
        int trailers = 0;
        while (!emptyLine(Lines.read(in, 8192))) {
          if (++trailers > 100) {
            throw new BadRequestException("too many trailer lines");
          }
        }
        done = true;
        return false;
      }
      return true;
    }
  }
}
