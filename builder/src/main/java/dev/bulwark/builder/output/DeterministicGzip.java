package dev.bulwark.builder.output;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A gzip stream whose header is fixed (RFC 1952: no mtime, no name, XFL 0, OS 255 "unknown"), so
 * the bytes depend only on the content, not on the JDK or the host.
 */
public final class DeterministicGzip extends FilterOutputStream {
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
  private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
  private final DeflaterOutputStream deflate;
  private final CRC32 crc = new CRC32();
  private long size;
  private boolean finished;

  public DeterministicGzip(OutputStream out) throws IOException {
    super(out);
    out.write(HEADER);
    deflate = new DeflaterOutputStream(out, deflater, 1 << 16);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    deflate.write(b, off, len);
    crc.update(b, off, len);
    size += len;
  }

  /** Writes the trailer (CRC-32 and size mod 2^32, little endian); the stream stays open. */
  public void finish() throws IOException {
    if (finished) {
      return;
    }
    finished = true;
    deflate.finish();
    writeLe((int) crc.getValue());
    writeLe((int) size);
    deflater.end();
  }

  private void writeLe(int v) throws IOException {
    out.write(new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
  }

  @Override
  public void close() throws IOException {
    finish();
    out.close();
  }
}
