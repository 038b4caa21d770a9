package dev.bulwark.builder.assemble;

import dev.bulwark.builder.BuildException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The container's mounts: LinuxKit's defaults, then {@code tmpfs}, then {@code binds}, then {@code
 * mounts}; later ones replace earlier ones with the same destination; sorted by destination.
 */
final class Mounts {
  private Mounts() {}

  @SuppressWarnings("unchecked")
  static List<Object> of(
      Map<String, Object> s, boolean readonly, UnaryOperator<String> volumeSource, String container)
      throws BuildException {
    TreeMap<String, Map<String, Object>> m = new TreeMap<>();
    put(m, "/proc", "proc", "proc", List.of("nosuid", "nodev", "noexec", "relatime"));
    put(
        m,
        "/dev",
        "tmpfs",
        "tmpfs",
        ro(readonly, "nosuid", "strictatime", "mode=755", "size=65536k"));
    put(
        m,
        "/dev/pts",
        "devpts",
        "devpts",
        List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"));
    put(m, "/sys", "sysfs", "sysfs", ro(readonly, "nosuid", "noexec", "nodev"));
    put(
        m,
        "/sys/fs/cgroup",
        "cgroup",
        "cgroup",
        List.of("nosuid", "noexec", "nodev", "relatime", "ro"));
    for (String t : list(s, "tmpfs")) {
      String[] parts = t.split(":", -1);
      if (parts.length > 2) {
        throw new BuildException(container + ": cannot parse tmpfs '" + t + "', too many ':'");
      }
      put(
          m,
          parts[0],
          "tmpfs",
          "tmpfs",
          parts.length == 2 ? Arrays.asList(parts[1].split(",")) : List.of());
    }
    for (String b : list(s, "binds")) {
      String[] parts = b.split(":", -1);
      if (parts.length < 2 || parts.length > 3) {
        throw new BuildException(
            container + ": cannot parse bind '" + b + "', expected src:dst[:opts]");
      }
      List<String> opts = new ArrayList<>(List.of("rw", "rbind", "rshared"));
      if (parts.length == 3) {
        opts = new ArrayList<>(Arrays.asList(parts[2].split(",")));
        opts.add("rbind");
      }
      put(m, parts[1], "bind", volumeSource.apply(parts[0]), opts);
    }
    for (Object o : (List<Object>) s.getOrDefault("mounts", List.of())) {
      mount(m, (Map<String, Object>) o);
    }
    return new ArrayList<>(m.values());
  }

  @SuppressWarnings("unchecked")
  private static void mount(TreeMap<String, Map<String, Object>> m, Map<String, Object> y) {
    String source = Settings.string(y, "source", "");
    String type = Settings.string(y, "type", "");
    if (type.isEmpty()
        && List.of("tmpfs", "proc", "sysfs", "devpts", "cgroup", "mqueue").contains(source)) {
      type = source;
    }
    String dest = Settings.string(y, "destination", "");
    if (dest.isEmpty()) {
      dest =
          switch (type) {
            case "proc" -> "/proc";
            case "devpts" -> "/dev/pts";
            case "sysfs" -> "/sys";
            case "cgroup" -> "/sys/fs/cgroup";
            case "mqueue" -> "/dev/mqueue";
            default -> "";
          };
    }
    if (source.isEmpty()) {
      source = type;
    }
    put(m, dest, type, source, (List<String>) y.getOrDefault("options", List.of()));
  }

  private static List<String> ro(boolean readonly, String... opts) {
    List<String> out = new ArrayList<>(List.of(opts));
    if (readonly) {
      out.add("ro");
    }
    return out;
  }

  private static void put(
      TreeMap<String, Map<String, Object>> m,
      String dest,
      String type,
      String source,
      List<String> opts) {
    Map<String, Object> mount = new LinkedHashMap<>();
    mount.put("destination", dest);
    if (!type.isEmpty()) {
      mount.put("type", type);
    }
    if (!source.isEmpty()) {
      mount.put("source", source);
    }
    if (!opts.isEmpty()) {
      mount.put("options", List.copyOf(opts));
    }
    m.put(dest, mount);
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Map<String, Object> s, String key) {
    return (List<String>) s.getOrDefault(key, List.of());
  }
}
