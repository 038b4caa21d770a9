package dev.bulwark.builder.assemble;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code runtime.json}, read by LinuxKit's init: every key always present; its mounts start with
 * the bundle's own rootfs mounts (tmpfs + overlay, or a bind for read-only containers).
 */
final class RuntimeJson {
  private static final List<String> BIND_NS =
      List.of("cgroup", "ipc", "mnt", "net", "pid", "user", "uts");

  private RuntimeJson() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> of(
      Map<String, Object> settings, String bundle, String lower, boolean readonly) {
    Map<String, Object> r = (Map<String, Object>) settings.getOrDefault("runtime", Map.of());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cgroups", r.getOrDefault("cgroups", List.of()));
    List<Object> mounts = new ArrayList<>(rootfsMounts(bundle, lower, readonly));
    mounts.addAll((List<Object>) r.getOrDefault("mounts", List.of()));
    out.put("mounts", mounts);
    out.put("mkdir", r.getOrDefault("mkdir", List.of()));
    out.put("interfaces", r.getOrDefault("interfaces", List.of()));
    Map<String, Object> given = (Map<String, Object>) r.getOrDefault("bindNS", Map.of());
    Map<String, Object> bindNs = new LinkedHashMap<>();
    for (String ns : BIND_NS) {
      bindNs.put(ns, given.getOrDefault(ns, ""));
    }
    out.put("bindNS", bindNs);
    out.put("namespace", r.getOrDefault("namespace", ""));
    return out;
  }

  private static List<Object> rootfsMounts(String bundle, String lower, boolean readonly) {
    String root = "/" + bundle + "rootfs";
    if (readonly) {
      return List.of(mount(root, "", "/" + lower, List.of("bind")));
    }
    String tmp = "/" + bundle + "tmp";
    return List.of(
        mount(tmp, "tmpfs", "tmpfs", List.of()),
        mount(tmp, "", "", List.of("remount", "private")),
        mount(
            root,
            "overlay",
            "overlay",
            List.of(
                "lowerdir=/" + lower, "upperdir=" + tmp + "/upper", "workdir=" + tmp + "/work")));
  }

  private static Map<String, Object> mount(
      String dest, String type, String source, List<String> opts) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("destination", dest);
    OciSpec.putIf(m, "type", type);
    OciSpec.putIf(m, "source", source);
    OciSpec.putIf(m, "options", opts);
    return m;
  }
}
