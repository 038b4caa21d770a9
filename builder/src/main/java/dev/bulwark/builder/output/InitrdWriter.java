package dev.bulwark.builder.output;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * LinuxKit's {@code CopySplitTar}: streams the rootfs tar once; {@code boot/kernel}, {@code
 * boot/cmdline} and {@code boot/ucode.cpio} are taken out, the rest of {@code boot/} dropped, and
 * everything else goes, in tar order, into a gzipped cpio. Hard links become relative symlinks.
 */
public final class InitrdWriter {
  private static final long MAX_BOOT_FILE = 512L << 20;

  /** What the tar's {@code boot/} held. */
  public record Boot(byte[] kernel, String cmdline, Optional<byte[]> ucode) {}

  private InitrdWriter() {}

  public static Boot split(InputStream rootfsTar, OutputStream initrdGz) throws IOException {
    byte[] kernel = null;
    String cmdline = "";
    byte[] ucode = null;
    DeterministicGzip gz = new DeterministicGzip(initrdGz);
    CpioNewcWriter cpio = new CpioNewcWriter(gz);
    TarArchiveInputStream in = new TarArchiveInputStream(rootfsTar, "UTF-8");
    TarArchiveEntry e;
    while ((e = in.getNextEntry()) != null) {
      String name = e.getName();
      switch (name) {
        case "boot/kernel" -> kernel = small(in, e);
        case "boot/cmdline" -> cmdline = new String(small(in, e), StandardCharsets.UTF_8);
        case "boot/ucode.cpio" -> ucode = small(in, e);
        default -> {
          if (!name.startsWith("boot/") && !name.equals("boot")) {
            entry(cpio, e, in);
          }
        }
      }
    }
    cpio.trailer();
    gz.finish();
    if (kernel == null) {
      throw new IOException("the image has no kernel (boot/kernel); add a kernel section");
    }
    return new Boot(kernel, cmdline, Optional.ofNullable(ucode));
  }

  private static void entry(CpioNewcWriter cpio, TarArchiveEntry e, InputStream in)
      throws IOException {
    String name =
        e.getName().endsWith("/")
            ? e.getName().substring(0, e.getName().length() - 1)
            : e.getName();
    int perm = e.getMode() & 07777;
    long mtime = e.getLastModifiedTime().toInstant().getEpochSecond();
    long uid = e.getLongUserId();
    long gid = e.getLongGroupId();
    if (e.isDirectory()) {
      cpio.entry(name, CpioNewcWriter.S_IFDIR | perm, uid, gid, mtime, 0, null);
    } else if (e.isSymbolicLink() || e.isLink()) {
      String target = e.isLink() ? relative(name, e.getLinkName()) : e.getLinkName();
      byte[] t = target.getBytes(StandardCharsets.UTF_8);
      cpio.entry(
          name,
          CpioNewcWriter.S_IFLNK | 0777,
          uid,
          gid,
          mtime,
          t.length,
          new ByteArrayInputStream(t));
    } else if (e.isFIFO()) {
      cpio.entry(name, CpioNewcWriter.S_IFIFO | perm, uid, gid, mtime, 0, null);
    } else if (e.isFile()) {
      cpio.entry(name, CpioNewcWriter.S_IFREG | perm, uid, gid, mtime, e.getSize(), in);
    }
  }

  /** A symlink target from {@code from}'s directory to {@code to} (both relative to the root). */
  static String relative(String from, String to) {
    String[] dir = from.split("/");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < dir.length - 1; i++) {
      b.append("../");
    }
    return b.append(to).toString();
  }

  private static byte[] small(InputStream in, TarArchiveEntry e) throws IOException {
    if (e.getSize() > MAX_BOOT_FILE) {
      throw new IOException(e.getName() + " is larger than " + MAX_BOOT_FILE + " bytes");
    }
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    in.transferTo(b);
    return b.toByteArray();
  }
}
