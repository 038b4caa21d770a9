package dev.bulwark.builder.assemble;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * LinuxKit's {@code ImageTar}: copies a flattened image under a prefix, dropping files that must
 * not leak from the build host or the image, replacing {@code etc/hosts} and {@code
 * etc/resolv.conf}, and adding the mount points every container needs.
 */
final class ImageSection {
  static final Set<String> EXCLUDED =
      Set.of(".dockerenv", "Dockerfile", "dev/console", "dev/pts", "dev/shm", "etc/hostname");
  static final byte[] HOSTS =
      ("127.0.0.1       localhost\n::1     localhost ip6-localhost ip6-loopback\n"
              + "fe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\n"
              + "ff02::2 ip6-allrouters\n")
          .getBytes(StandardCharsets.UTF_8);
  static final byte[] NO_RESOLV =
      "\n# no resolv.conf configured\n".getBytes(StandardCharsets.UTF_8);
  static final String RESOLV_LINK = "/run/resolvconf/resolv.conf";
  private static final List<String> TOUCHED_DIRS =
      List.of("dev", "dev/pts", "dev/shm", "etc", "proc", "sys");

  private ImageSection() {}

  static void write(RootfsWriter w, Path flatTar, String prefix, boolean init, Origin o)
      throws IOException {
    Set<String> seen = new HashSet<>();
    w.prefixDirs(prefix, o);
    try (TarArchiveInputStream in =
        new TarArchiveInputStream(
            new BufferedInputStream(Files.newInputStream(flatTar), 1 << 16), "UTF-8")) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        String name =
            e.getName().endsWith("/")
                ? e.getName().substring(0, e.getName().length() - 1)
                : e.getName();
        if (EXCLUDED.contains(name)) {
          continue;
        }
        seen.add(name);
        if (name.equals("etc/hosts")) {
          w.file(prefix + name, HOSTS, 0644, 0, 0, o);
        } else if (name.equals("etc/resolv.conf")) {
          resolv(w, prefix, init, o);
        } else {
          copy(w, e, in, prefix, o);
        }
      }
    }
    touch(w, prefix, init, seen, o);
  }

  private static void copy(
      RootfsWriter w, TarArchiveEntry e, InputStream in, String prefix, Origin o)
      throws IOException {
    String link = e.isLink() ? prefix + e.getLinkName() : e.isSymbolicLink() ? e.getLinkName() : "";
    w.copy(e, in, prefix + e.getName(), link, o);
  }

  private static void resolv(RootfsWriter w, String prefix, boolean init, Origin o)
      throws IOException {
    if (init) {
      w.symlink(prefix + "etc/resolv.conf", RESOLV_LINK, o);
    } else {
      w.file(prefix + "etc/resolv.conf", NO_RESOLV, 0644, 0, 0, o);
    }
  }

  /**
   * Appends, in sorted order, what the image lacks. As in LinuxKit, the directories are appended
   * again even when the image has them (0755, root), overriding the image's modes.
   */
  private static void touch(RootfsWriter w, String prefix, boolean init, Set<String> seen, Origin o)
      throws IOException {
    for (String t :
        List.of(
            "dev",
            "dev/pts",
            "dev/shm",
            "etc",
            "etc/hosts",
            "etc/mtab",
            "etc/resolv.conf",
            "proc",
            "sys")) {
      if (TOUCHED_DIRS.contains(t)) {
        w.dir(prefix + t, 0755, 0, 0, o);
      } else if (!seen.contains(t)) {
        switch (t) {
          case "etc/hosts" -> w.file(prefix + t, HOSTS, 0644, 0, 0, o);
          case "etc/mtab" -> w.symlink(prefix + t, "/proc/mounts", o);
          default -> resolv(w, prefix, init, o);
        }
      }
    }
  }
}
