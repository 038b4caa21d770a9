package dev.bulwark.builder.config;

import dev.bulwark.builder.config.Shape.Arr;
import dev.bulwark.builder.config.Shape.Dict;
import dev.bulwark.builder.config.Shape.Kind;
import dev.bulwark.builder.config.Shape.Obj;
import dev.bulwark.builder.config.Shape.Scalar;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Checks a YAML node tree against a {@link Shape} and turns it into plain values: {@link String},
 * {@link Long}, {@link Boolean}, {@link List} and insertion-ordered {@link Map}. Positions of the
 * mapping nodes are remembered so later checks can name a line too.
 */
final class SchemaReader {
  private final String file;
  // Keyed by node identity: equal YAML nodes at different places keep their own positions.
  private final IdentityHashMap<Object, Where> positions = new IdentityHashMap<>();

  SchemaReader(String file) {
    this.file = file;
  }

  /** Where a map or list produced by this reader started in the file. */
  Where where(Object value) {
    Where w = positions.get(value);
    return w == null ? new Where(file, 0, 0) : w;
  }

  Object read(Node node, Shape shape, String path) throws ConfigException {
    return switch (shape) {
      case Obj o -> readObject(node, o, path);
      case Arr a -> readArray(node, a, path);
      case Dict d -> readDict(node, d, path);
      case Scalar s -> readScalar(node, s, path);
    };
  }

  private Map<String, Object> readObject(Node node, Obj shape, String path) throws ConfigException {
    MappingNode map = mapping(node, path);
    Map<String, Object> out = new LinkedHashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (NodeTuple t : map.getValue()) {
      String key = key(t, path);
      if (!seen.add(key)) {
        throw error(t.getKeyNode(), "duplicate field '" + key + "' in " + describe(path));
      }
      Shape field = shape.fields().get(key);
      if (field == null) {
        throw unknownField(t.getKeyNode(), key, shape, path);
      }
      if (isNull(t.getValueNode())) {
        continue;
      }
      out.put(key, read(t.getValueNode(), field, join(path, key)));
    }
    for (String req : new TreeSet<>(shape.required())) {
      if (!out.containsKey(req)) {
        throw error(node, "missing required field '" + req + "' in " + describe(path));
      }
    }
    Map<String, Object> result = Collections.unmodifiableMap(out);
    positions.put(result, Where.of(file, node));
    return result;
  }

  private List<Object> readArray(Node node, Arr shape, String path) throws ConfigException {
    if (!(node instanceof SequenceNode seq)) {
      throw error(node, "expected a list for " + describe(path) + ", found " + kindOf(node));
    }
    List<Object> out = new ArrayList<>();
    int i = 0;
    for (Node item : seq.getValue()) {
      out.add(read(item, shape.items(), path + "[" + i++ + "]"));
    }
    List<Object> result = Collections.unmodifiableList(out);
    positions.put(result, Where.of(file, node));
    return result;
  }

  private Map<String, Object> readDict(Node node, Dict shape, String path) throws ConfigException {
    MappingNode map = mapping(node, path);
    Map<String, Object> out = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      String key = key(t, path);
      if (out.containsKey(key)) {
        throw error(t.getKeyNode(), "duplicate key '" + key + "' in " + describe(path));
      }
      out.put(key, read(t.getValueNode(), shape.values(), join(path, key)));
    }
    return Collections.unmodifiableMap(out);
  }

  private Object readScalar(Node node, Scalar shape, String path) throws ConfigException {
    if (!(node instanceof ScalarNode s)) {
      throw error(
          node, "expected " + kinds(shape) + " for " + describe(path) + ", found " + kindOf(node));
    }
    Tag tag = s.getTag();
    for (Kind k : shape.kinds()) {
      switch (k) {
        case STRING -> {
          if (tag.equals(Tag.STR)) {
            return s.getValue();
          }
        }
        case INTEGER -> {
          if (tag.equals(Tag.INT)) {
            return parseInteger(s, path);
          }
        }
        case BOOLEAN -> {
          if (tag.equals(Tag.BOOL)) {
            return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT));
          }
        }
      }
    }
    throw error(
        node,
        "expected "
            + kinds(shape)
            + " for "
            + describe(path)
            + ", found "
            + kindOf(node)
            + " '"
            + s.getValue()
            + "'"
            + (shape.kinds().contains(Kind.STRING) ? " (quote it)" : ""));
  }

  private Long parseInteger(ScalarNode s, String path) throws ConfigException {
    String v = s.getValue().replace("_", "");
    try {
      if (v.startsWith("0x") || v.startsWith("-0x")) {
        return Long.parseLong(v.replace("0x", ""), 16);
      }
      if (v.startsWith("0o")) {
        return Long.parseLong(v.substring(2), 8);
      }
      return Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
    } catch (NumberFormatException e) {
      throw error(s, "integer out of range for " + describe(path) + ": " + s.getValue());
    }
  }

  private MappingNode mapping(Node node, String path) throws ConfigException {
    if (node instanceof MappingNode map) {
      return map;
    }
    throw error(node, "expected a mapping for " + describe(path) + ", found " + kindOf(node));
  }

  private String key(NodeTuple t, String path) throws ConfigException {
    if (t.getKeyNode() instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
      return s.getValue();
    }
    throw error(t.getKeyNode(), "keys of " + describe(path) + " must be strings");
  }

  private ConfigException unknownField(Node keyNode, String key, Obj shape, String path) {
    String hint = Spelling.closest(key, shape.fields().keySet());
    return error(
        keyNode,
        "unknown field '"
            + key
            + "' in "
            + describe(path)
            + (hint == null ? "" : " (did you mean '" + hint + "'?)")
            + "; allowed: "
            + String.join(", ", new TreeSet<>(shape.fields().keySet())));
  }

  ConfigException error(Node node, String message) {
    return new ConfigException(Where.of(file, node) + ": " + message);
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String describe(String path) {
    return path.isEmpty() ? "the top level" : "'" + path + "'";
  }

  private static String kinds(Scalar shape) {
    List<String> names = new ArrayList<>();
    for (Kind k : shape.kinds()) {
      names.add(k.name().toLowerCase(java.util.Locale.ROOT));
    }
    return "a " + String.join(" or ", names);
  }

  private static String kindOf(Node node) {
    return switch (node) {
      case MappingNode m -> "a mapping";
      case SequenceNode s -> "a list";
      case ScalarNode s when s.getTag().equals(Tag.STR) -> "a string";
      case ScalarNode s when s.getTag().equals(Tag.INT) -> "an integer";
      case ScalarNode s when s.getTag().equals(Tag.BOOL) -> "a boolean";
      case ScalarNode s when s.getTag().equals(Tag.NULL) -> "null";
      case ScalarNode s when s.getTag().equals(Tag.FLOAT) -> "a number";
      default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
