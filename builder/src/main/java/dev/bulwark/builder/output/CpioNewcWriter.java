package dev.bulwark.builder.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A cpio "newc" (070701) writer as LinuxKit's initrd uses it: inode numbers from 721 upward, nlink
 * 1 (2 for directories), device 3:1, check 0, names and data padded to 4 bytes, the trailer padded
 * to 512.
 */
final class CpioNewcWriter {
  static final int S_IFREG = 0100000;
  static final int S_IFDIR = 0040000;
  static final int S_IFLNK = 0120000;
  static final int S_IFIFO = 0010000;

  private final OutputStream out;
  private long inode = 721;
  private long written;

  CpioNewcWriter(OutputStream out) {
    this.out = out;
  }

  void entry(String name, int mode, long uid, long gid, long mtime, long size, InputStream data)
      throws IOException {
    byte[] n = (name + "\0").getBytes(StandardCharsets.UTF_8);
    boolean dir = (mode & 0170000) == S_IFDIR;
    StringBuilder h = new StringBuilder("070701");
    for (long f :
        new long[] {inode++, mode, uid, gid, dir ? 2 : 1, mtime, size, 3, 1, 0, 0, n.length, 0}) {
      h.append(String.format("%08x", f & 0xffffffffL));
    }
    write(h.toString().getBytes(StandardCharsets.US_ASCII));
    write(n);
    pad(4);
    if (size > 0) {
      long copied = data.transferTo(counting());
      if (copied != size) {
        throw new IOException(
            "cpio entry " + name + ": expected " + size + " bytes, got " + copied);
      }
      pad(4);
    }
  }

  void trailer() throws IOException {
    inode = 0;
    entry("TRAILER!!!", 0, 0, 0, 0, 0, null);
    pad(512);
  }

  private OutputStream counting() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        CpioNewcWriter.this.write(new byte[] {(byte) b});
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        written += len;
      }
    };
  }

  private void write(byte[] b) throws IOException {
    out.write(b);
    written += b.length;
  }

  private void pad(int to) throws IOException {
    int rem = (int) (written % to);
    if (rem != 0) {
      write(new byte[to - rem]);
    }
  }
}
