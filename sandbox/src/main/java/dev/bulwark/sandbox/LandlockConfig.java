package dev.bulwark.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The landlockconfig policy format (landlock-lsm/landlockconfig), read from an already parsed tree
 * of maps, lists, strings and numbers (JSON, TOML and YAML parsers produce one; this library has no
 * parser dependency). Both spellings of keys are accepted: TOML's {@code handled_access_fs}, {@code
 * path_beneath}, {@code net_port} and JSON's {@code handledAccessFs}, {@code pathBeneath}, {@code
 * netPort}.
 *
 * <p>Handled rights are the union of the {@code ruleset} entries and every right used by a rule.
 * Groups {@code abi.all}, {@code abi.read_execute} ({@code read_file read_dir execute}) and {@code
 * abi.read_write} (every right of the ABI except {@code execute}) expand with the top-level {@code
 * abi} (default: {@link Abi#latest()}). {@code [[variable]]} entries ({@code name}, {@code
 * literal}) expand {@code ${name}} in parents to every literal.
 */
public final class LandlockConfig {
  private LandlockConfig() {}

  /** Reads a parsed document; {@code where} names it in error messages. */
  public static Policy fromTree(Object tree, CompatLevel compat, String where) {
    Map<String, Object> root = map(tree, where);
    Abi abi =
        root.containsKey("abi") ? Abi.of(integer(root.get("abi"), where + ": abi")) : Abi.latest();
    Map<String, List<String>> vars = variables(root, where);
    EnumSet<AccessFs> fs = EnumSet.noneOf(AccessFs.class);
    EnumSet<AccessNet> net = EnumSet.noneOf(AccessNet.class);
    EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (Map<String, Object> rs : entries(root, where, "ruleset")) {
      fs.addAll(fsRights(strings(get(rs, "handled_access_fs"), where), abi, where));
      for (String n : strings(get(rs, "handled_access_net"), where)) {
        net.add(named(AccessNet.class, n, where));
      }
      for (String n : strings(get(rs, "scoped"), where)) {
        scopes.add(scope(n, where));
      }
    }
    List<PathRule> paths = new ArrayList<>();
    for (Map<String, Object> pb : entries(root, where, "path_beneath")) {
      Set<AccessFs> access = fsRights(strings(get(pb, "allowed_access"), where), abi, where);
      fs.addAll(access);
      for (String parent : strings(get(pb, "parent"), where)) {
        for (String p : expand(parent, vars, where)) {
          paths.add(new PathRule(Path.of(p), access, false));
        }
      }
    }
    List<PortRule> ports = new ArrayList<>();
    for (Map<String, Object> np : entries(root, where, "net_port")) {
      EnumSet<AccessNet> access = EnumSet.noneOf(AccessNet.class);
      for (String n : strings(get(np, "allowed_access"), where)) {
        access.add(named(AccessNet.class, n, where));
      }
      net.addAll(access);
      for (Object port : list(get(np, "port"))) {
        ports.add(new PortRule(integer(port, where + ": port"), access));
      }
    }
    return new Policy(abi, compat, fs, net, scopes, paths, ports, Set.of());
  }

  /** Writes {@code policy} as landlockconfig JSON with explicit right names (ABI-independent). */
  public static String toJson(Policy policy) {
    StringBuilder b = new StringBuilder("{\n  \"abi\": ").append(policy.abi().version());
    b.append(",\n  \"ruleset\": [{\"handledAccessFs\": ")
        .append(names(policy.handledFs(), AccessFs::configName))
        .append(", \"handledAccessNet\": ")
        .append(names(policy.handledNet(), AccessNet::configName))
        .append(", \"scoped\": ")
        .append(names(policy.scopes(), Scope::configName))
        .append("}]");
    b.append(",\n  \"pathBeneath\": [");
    String sep = "\n    ";
    for (PathRule p : policy.paths()) {
      b.append(sep).append("{\"allowedAccess\": ").append(names(p.access(), AccessFs::configName));
      b.append(", \"parent\": [").append(quote(p.path().toString())).append("]}");
      sep = ",\n    ";
    }
    b.append(policy.paths().isEmpty() ? "]" : "\n  ]");
    b.append(",\n  \"netPort\": [");
    sep = "\n    ";
    for (PortRule p : policy.ports()) {
      b.append(sep).append("{\"allowedAccess\": ").append(names(p.access(), AccessNet::configName));
      b.append(", \"port\": [").append(p.port()).append("]}");
      sep = ",\n    ";
    }
    b.append(policy.ports().isEmpty() ? "]" : "\n  ]");
    return b.append("\n}\n").toString();
  }

  private static <E> String names(Set<E> set, java.util.function.Function<E, String> name) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    for (E e : set) {
      j.add(quote(name.apply(e)));
    }
    return j.toString();
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static Set<AccessFs> fsRights(List<String> names, Abi abi, String where) {
    EnumSet<AccessFs> s = EnumSet.noneOf(AccessFs.class);
    for (String n : names) {
      switch (n) {
        case "abi.all" -> s.addAll(AccessFs.all(abi));
        case "abi.read_execute" -> s.addAll(AccessFs.readExecute(abi));
        case "abi.read_write" -> {
          s.addAll(AccessFs.all(abi));
          s.remove(AccessFs.EXECUTE);
        }
        default -> s.add(named(AccessFs.class, n, where));
      }
    }
    return s;
  }

  private static Scope scope(String n, String where) {
    for (Scope s : Scope.values()) {
      if (s.configName().equals(n)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        where + ": unknown scope \"" + n + "\" (expected abstract_unix_socket or signal)");
  }

  private static <E extends Enum<E>> E named(Class<E> type, String n, String where) {
    try {
      return Enum.valueOf(type, n.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          where
              + ": unknown access right \""
              + n
              + "\" (expected one of "
              + EnumSet.allOf(type).toString().toLowerCase(Locale.ROOT)
              + ")");
    }
  }

  private static Map<String, List<String>> variables(Map<String, Object> root, String where) {
    Map<String, List<String>> vars = new LinkedHashMap<>();
    for (Map<String, Object> v : entries(root, where, "variable")) {
      Object name = v.get("name");
      if (!(name instanceof String n)) {
        throw new IllegalArgumentException(where + ": a variable needs a string \"name\"");
      }
      vars.put(n, strings(v.get("literal"), where));
    }
    return vars;
  }

  private static List<String> expand(String value, Map<String, List<String>> vars, String where) {
    int start = value.indexOf("${");
    if (start < 0) {
      return List.of(value);
    }
    int end = value.indexOf('}', start);
    String name = end < 0 ? "" : value.substring(start + 2, end);
    List<String> literals = vars.get(name);
    if (literals == null) {
      throw new IllegalArgumentException(where + ": undefined variable in \"" + value + "\"");
    }
    List<String> out = new ArrayList<>();
    for (String lit : literals) {
      out.addAll(expand(value.substring(0, start) + lit + value.substring(end + 1), vars, where));
    }
    return out;
  }

  private static Object get(Map<String, Object> m, String snakeKey) {
    Object v = m.get(snakeKey);
    return v != null ? v : m.get(camel(snakeKey));
  }

  private static String camel(String snake) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }

  private static List<Map<String, Object>> entries(
      Map<String, Object> root, String where, String key) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : list(get(root, key))) {
      out.add(map(o, where + ": " + key));
    }
    return out;
  }

  private static List<?> list(Object o) {
    if (o == null) {
      return List.of();
    }
    return o instanceof List<?> l ? l : List.of(o);
  }

  private static List<String> strings(Object o, String where) {
    List<String> out = new ArrayList<>();
    for (Object x : list(o)) {
      if (!(x instanceof String s)) {
        throw new IllegalArgumentException(where + ": expected a string, found " + x);
      }
      out.add(s);
    }
    return out;
  }

  private static int integer(Object o, String where) {
    if (o instanceof Number n && n.longValue() == n.doubleValue()) {
      return Math.toIntExact(n.longValue());
    }
    throw new IllegalArgumentException(where + ": expected an integer, found " + o);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o, String where) {
    if (o instanceof Map<?, ?> m) {
      for (Object k : m.keySet()) {
        if (!(k instanceof String)) {
          throw new IllegalArgumentException(where + ": keys must be strings, found " + k);
        }
      }
      return (Map<String, Object>) m;
    }
    throw new IllegalArgumentException(where + ": expected a table/object, found " + o);
  }
}
