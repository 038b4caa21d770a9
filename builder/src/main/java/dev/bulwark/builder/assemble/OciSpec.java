package dev.bulwark.builder.assemble;

import dev.bulwark.builder.BuildException;
import dev.bulwark.oci.ImageConfig;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * LinuxKit's {@code ConfigToOCI}: the OCI runtime {@code config.json} of a container from its
 * merged settings and its image config. Keys appear in the runtime-spec's field order and follow
 * Go's omitempty rules.
 */
final class OciSpec {
  static final String OCI_VERSION = "1.2.1";
  private static final BigInteger UNLIMITED = new BigInteger("18446744073709551615");
  private static final Set<String> RLIMITS =
      Set.of(
          "AS",
          "CORE",
          "CPU",
          "DATA",
          "FSIZE",
          "LOCKS",
          "MEMLOCK",
          "MSGQUEUE",
          "NICE",
          "NOFILE",
          "NPROC",
          "RSS",
          "RTPRIO",
          "RTTIME",
          "SIGPENDING",
          "STACK");

  private OciSpec() {}

  static Map<String, Object> build(
      String container,
      Map<String, Object> s,
      ImageConfig image,
      Map<String, Long> ids,
      UnaryOperator<String> volumeSource)
      throws BuildException {
    boolean readonly = (Boolean) s.getOrDefault("readonly", false);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("ociVersion", OCI_VERSION);
    spec.put("process", process(container, s, image, ids));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("path", "rootfs");
    if (readonly) {
      root.put("readonly", true);
    }
    spec.put("root", root);
    putIf(spec, "hostname", Settings.string(s, "hostname", ""));
    spec.put("mounts", Mounts.of(s, readonly, volumeSource, container));
    putIf(spec, "annotations", s.get("annotations"));
    spec.put("linux", LinuxSection.of(container, s));
    return spec;
  }

  private static Map<String, Object> process(
      String container, Map<String, Object> s, ImageConfig image, Map<String, Long> ids)
      throws BuildException {
    Map<String, Object> p = new LinkedHashMap<>();
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("uid", id(s.get("uid"), ids, container));
    user.put("gid", id(s.get("gid"), ids, container));
    List<Object> extra = new ArrayList<>();
    for (Object g : Settings.<Object>listOf(s, "additionalGids")) {
      extra.add(id(g, ids, container));
    }
    putIf(user, "additionalGids", extra);
    p.put("user", user);
    List<String> args = Settings.strings(s, "command");
    if (args == null) {
      args = new ArrayList<>(image.entrypoint());
      args.addAll(image.cmd());
    }
    putIf(p, "args", args);
    List<String> env = Settings.strings(s, "env");
    putIf(p, "env", env == null ? image.env() : env);
    String cwd = Settings.string(s, "cwd", "");
    p.put("cwd", !cwd.isEmpty() ? cwd : image.workingDir().isEmpty() ? "/" : image.workingDir());
    p.put("capabilities", capabilities(container, s));
    putIf(p, "rlimits", rlimits(container, s));
    if ((Boolean) s.getOrDefault("noNewPrivileges", false)) {
      p.put("noNewPrivileges", true);
    }
    if (s.get("oomScoreAdj") != null) {
      p.put("oomScoreAdj", s.get("oomScoreAdj"));
    }
    return p;
  }

  private static Map<String, Object> capabilities(String container, Map<String, Object> s)
      throws BuildException {
    List<String> caps = Capabilities.expand(Settings.strings(s, "capabilities"), container);
    List<String> ambient = Capabilities.expand(Settings.strings(s, "ambient"), container);
    List<String> bounding = Capabilities.sortedUnion(caps, ambient);
    Map<String, Object> c = new LinkedHashMap<>();
    putIf(c, "bounding", bounding);
    putIf(c, "effective", caps);
    putIf(c, "inheritable", bounding);
    putIf(c, "permitted", bounding);
    putIf(c, "ambient", ambient);
    return c;
  }

  private static List<Object> rlimits(String container, Map<String, Object> s)
      throws BuildException {
    List<Object> out = new ArrayList<>();
    for (String r : Settings.<String>listOf(s, "rlimits")) {
      String[] parts = r.split(",", -1);
      String name = parts[0].strip().toUpperCase(Locale.ROOT).replaceFirst("^RLIMIT_", "");
      if (parts.length != 3 || !RLIMITS.contains(name)) {
        throw new BuildException(
            container + ": cannot parse rlimit '" + r + "', expected NAME,soft,hard");
      }
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("type", "RLIMIT_" + name);
      l.put("hard", limit(parts[2], r, container));
      l.put("soft", limit(parts[1], r, container));
      out.add(l);
    }
    return out;
  }

  private static BigInteger limit(String v, String r, String container) throws BuildException {
    String t = v.strip();
    if (t.equalsIgnoreCase("unlimited")) {
      return UNLIMITED;
    }
    try {
      BigInteger n = new BigInteger(t);
      if (n.signum() < 0 || n.compareTo(UNLIMITED) > 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BuildException(container + ": bad limit '" + v + "' in rlimit '" + r + "'");
    }
  }

  /** A uid/gid: a number, root/empty (0), or the name of a container (its allocated id). */
  static Long id(Object v, Map<String, Long> ids, String container) throws BuildException {
    if (v == null) {
      return 0L;
    }
    if (v instanceof Long n) {
      return n;
    }
    String name = (String) v;
    if (name.isEmpty() || name.equals("root")) {
      return 0L;
    }
    Long id = ids.get(name);
    if (id == null) {
      throw new BuildException(
          container + ": uid/gid '" + name + "' is neither a number nor a container name");
    }
    return id;
  }

  static void putIf(Map<String, Object> m, String key, Object v) {
    boolean empty =
        v == null
            || (v instanceof String s && s.isEmpty())
            || (v instanceof List<?> l && l.isEmpty())
            || (v instanceof Map<?, ?> x && x.isEmpty());
    if (!empty) {
      m.put(key, v);
    }
  }
}
