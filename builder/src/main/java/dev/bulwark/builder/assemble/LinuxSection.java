package dev.bulwark.builder.assemble;

import dev.bulwark.builder.BuildException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code linux} object of {@code config.json}: namespaces, devices, resources, paths. */
final class LinuxSection {
  private LinuxSection() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> of(String container, Map<String, Object> s) throws BuildException {
    Map<String, Object> l = new LinkedHashMap<>();
    OciSpec.putIf(l, "uidMappings", s.get("uidMappings"));
    OciSpec.putIf(l, "gidMappings", s.get("gidMappings"));
    OciSpec.putIf(l, "sysctl", s.get("sysctl"));
    Map<String, Object> resources =
        new LinkedHashMap<>((Map<String, Object>) s.getOrDefault("resources", Map.of()));
    List<Object> devices = new ArrayList<>();
    List<Object> rules =
        new ArrayList<>((List<Object>) resources.getOrDefault("devices", List.of()));
    for (Object o : Settings.<Object>listOf(s, "devices")) {
      device(container, (Map<String, Object>) o, devices, rules);
    }
    if (!rules.isEmpty()) {
      resources.put("devices", rules);
    }
    l.put("resources", resources);
    OciSpec.putIf(l, "cgroupsPath", s.get("cgroupsPath"));
    l.put("namespaces", namespaces(s));
    OciSpec.putIf(l, "devices", devices);
    OciSpec.putIf(l, "rootfsPropagation", s.get("rootfsPropagation"));
    OciSpec.putIf(l, "maskedPaths", s.get("maskedPaths"));
    OciSpec.putIf(l, "readonlyPaths", s.get("readonlyPaths"));
    return l;
  }

  private static List<Object> namespaces(Map<String, Object> s) {
    List<Object> out = new ArrayList<>();
    shared(out, "network", Settings.string(s, "net", "root"));
    shared(out, "ipc", Settings.string(s, "ipc", ""));
    shared(out, "uts", Settings.string(s, "uts", ""));
    // LinuxKit: a new pid namespace unless host/root is asked for.
    String pid = Settings.string(s, "pid", "");
    if (!pid.equals("host") && !pid.equals("root")) {
      out.add(ns("pid", pid.equals("new") ? "" : pid));
    }
    shared(out, "user", Settings.string(s, "userns", ""));
    out.add(ns("mount", ""));
    return out;
  }

  /** Host namespace unless {@code new}/{@code none} (a fresh one) or a path (join it) is given. */
  private static void shared(List<Object> out, String type, String value) {
    if (value.isEmpty() || value.equals("host") || value.equals("root")) {
      return;
    }
    out.add(ns(type, value.equals("new") || value.equals("none") ? "" : value));
  }

  private static Map<String, Object> ns(String type, String path) {
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("type", type);
    OciSpec.putIf(n, "path", path);
    return n;
  }

  private static void device(
      String container, Map<String, Object> d, List<Object> devices, List<Object> rules)
      throws BuildException {
    String path = (String) d.get("path");
    String type = (String) d.get("type");
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("allow", true);
    rule.put("type", type);
    if (!path.equals("all")) {
      Map<String, Object> dev = new LinkedHashMap<>();
      dev.put("path", path);
      dev.put("type", type);
      dev.put("major", d.getOrDefault("major", 0L));
      dev.put("minor", d.getOrDefault("minor", 0L));
      if (d.get("mode") != null) {
        String mode = (String) d.get("mode");
        if (!mode.matches("0?[0-7]{1,4}")) {
          throw new BuildException(
              container + ": device " + path + " mode must be octal, found '" + mode + "'");
        }
        dev.put("fileMode", (long) Integer.parseInt(mode, 8));
      }
      devices.add(dev);
      rule.put("major", d.getOrDefault("major", 0L));
      rule.put("minor", d.getOrDefault("minor", 0L));
    }
    rule.put("access", "rwm");
    rules.add(rule);
  }
}
