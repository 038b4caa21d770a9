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
    if (te != null) {
      if (!te.equalsIgnoreCase("chunked")) {
        throw new BadRequestException("unsupported Transfer-Encoding " + te);
      }
      return new Chunked(in);
    }
    String cl = headers.get("content-length");
    long len;
    try {
      len = cl == null ? 0 : Long.parseLong(cl.trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException("bad Content-Length");
    }
    if (len < 0) {
      throw new BadRequestException("negative Content-Length");
    }
    return new Fixed(in, len);
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
      if (chunkLeft == 0 && !Lines.read(in, 2).isEmpty()) {
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
      try {
        chunkLeft = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
      } catch (NumberFormatException e) {
        throw new BadRequestException("bad chunk size");
      }
      if (chunkLeft == 0) {
        while (!Lines.read(in, 8192).isEmpty()) {
          // trailers are ignored
        }
        done = true;
        return false;
      }
      return true;
    }
  }
}
