package dev.bulwark.oci.internal;

import dev.bulwark.oci.BlobVerificationException;
import dev.bulwark.oci.Descriptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Copies a stream while hashing it, and refuses it unless it has exactly the descriptor's size and
 * digest. Reading stops one byte after the promised size, so an endless stream costs no more than
 * {@code size + 1} bytes.
 */
public final class VerifyingCopy {
  private static final int BUFFER = 64 * 1024;

  private VerifyingCopy() {}

  /** Copies {@code in} to {@code out}, then checks size and digest against {@code expected}. */
  public static void copy(InputStream in, OutputStream out, Descriptor expected, String where)
      throws IOException, BlobVerificationException {
    MessageDigest md = expected.digest().newMessageDigest();
    byte[] buf = new byte[BUFFER];
    long total = 0;
    long limit = expected.size();
    while (true) {
      // One byte past the limit is asked for (to detect an over-long stream); computed without
      // limit + 1, which overflows for a hostile size of Long.MAX_VALUE (and then asked for 0).
      long room = limit - total;
      int want = room >= buf.length ? buf.length : (int) room + 1;
      int n = in.read(buf, 0, want);
      if (n < 0) {
        break;
      }
      total += n;
      if (total > limit) {
        throw new BlobVerificationException(
            where + ": expected " + limit + " bytes for " + expected.digest() + ", received more");
      }
      md.update(buf, 0, n);
      out.write(buf, 0, n);
    }
    if (total != limit) {
      throw new BlobVerificationException(
          where
              + ": expected "
              + limit
              + " bytes for "
              + expected.digest()
              + ", received "
              + total);
    }
    if (!MessageDigest.isEqual(md.digest(), HexFormat.of().parseHex(expected.digest().hex()))) {
      throw new BlobVerificationException(
          where
              + ": content does not match digest "
              + expected.digest()
              + " (tampered or corrupt)");
    }
  }

  /**
   * Reads at most {@code limit} bytes of {@code in}; more is an error. Used for documents whose
   * size is not known in advance (manifests fetched by digest).
   */
  public static byte[] readLimited(InputStream in, int limit, String where)
      throws IOException, BlobVerificationException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[BUFFER];
    int n;
    while ((n = in.read(buf, 0, Math.min(buf.length, limit + 1 - out.size()))) > 0) {
      out.write(buf, 0, n);
      if (out.size() > limit) {
        throw new BlobVerificationException(where + ": more than the limit of " + limit + " bytes");
      }
    }
    return out.toByteArray();
  }
}
