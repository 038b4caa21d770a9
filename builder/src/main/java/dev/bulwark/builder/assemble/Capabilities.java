package dev.bulwark.builder.assemble;

import dev.bulwark.builder.BuildException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Linux capability names, as runc knows them (CAP_CHOWN .. CAP_CHECKPOINT_RESTORE). */
final class Capabilities {
  static final List<String> ALL =
      List.of(
          "CAP_CHOWN",
          "CAP_DAC_OVERRIDE",
          "CAP_DAC_READ_SEARCH",
          "CAP_FOWNER",
          "CAP_FSETID",
          "CAP_KILL",
          "CAP_SETGID",
          "CAP_SETUID",
          "CAP_SETPCAP",
          "CAP_LINUX_IMMUTABLE",
          "CAP_NET_BIND_SERVICE",
          "CAP_NET_BROADCAST",
          "CAP_NET_ADMIN",
          "CAP_NET_RAW",
          "CAP_IPC_LOCK",
          "CAP_IPC_OWNER",
          "CAP_SYS_MODULE",
          "CAP_SYS_RAWIO",
          "CAP_SYS_CHROOT",
          "CAP_SYS_PTRACE",
          "CAP_SYS_PACCT",
          "CAP_SYS_ADMIN",
          "CAP_SYS_BOOT",
          "CAP_SYS_NICE",
          "CAP_SYS_RESOURCE",
          "CAP_SYS_TIME",
          "CAP_SYS_TTY_CONFIG",
          "CAP_MKNOD",
          "CAP_LEASE",
          "CAP_AUDIT_WRITE",
          "CAP_AUDIT_CONTROL",
          "CAP_SETFCAP",
          "CAP_MAC_OVERRIDE",
          "CAP_MAC_ADMIN",
          "CAP_SYSLOG",
          "CAP_WAKE_ALARM",
          "CAP_BLOCK_SUSPEND",
          "CAP_AUDIT_READ",
          "CAP_PERFMON",
          "CAP_BPF",
          "CAP_CHECKPOINT_RESTORE");

  private Capabilities() {}

  /** Expands {@code all}/{@code none}, upper-cases, and refuses unknown names. */
  static List<String> expand(List<String> given, String container) throws BuildException {
    if (given == null) {
      return List.of();
    }
    if (given.size() == 1) {
      String only = given.getFirst().toLowerCase(Locale.ROOT);
      if (only.equals("all")) {
        return ALL;
      }
      if (only.equals("none")) {
        return List.of();
      }
    }
    List<String> out = new ArrayList<>();
    for (String c : given) {
      String up = c.toUpperCase(Locale.ROOT);
      if (!ALL.contains(up)) {
        throw new BuildException(container + ": unknown capability '" + c + "'");
      }
      out.add(up);
    }
    return out;
  }

  static List<String> sortedUnion(List<String> a, List<String> b) {
    TreeSet<String> s = new TreeSet<>(a);
    s.addAll(b);
    return List.copyOf(s);
  }
}
