package dev.bulwark.builder.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads LinuxKit build files. Several files are appended in order ({@code init}, containers, {@code
 * files}, {@code volumes}, {@code trust}); kernel fields of later files override earlier ones field
 * by field.
 */
public final class ConfigParser {
  private static final int MAX_FILE_BYTES = 4 << 20;

  private ConfigParser() {}

  /** Parses and merges {@code files} in order. */
  public static BuildConfig parseFiles(List<Path> files) throws ConfigException {
    BuildConfig merged = null;
    for (Path f : files) {
      BuildConfig next = parseFile(f);
      merged = merged == null ? next : ConfigMerger.append(merged, next);
    }
    if (merged == null) {
      throw new ConfigException("no build file given");
    }
    ConfigChecks.checkWhole(merged);
    return merged;
  }

  /** Parses one file from disk. */
  public static BuildConfig parseFile(Path file) throws ConfigException {
    String text;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new ConfigException(file + ": build file larger than " + MAX_FILE_BYTES + " bytes");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read build file: " + e.getMessage());
    }
    return parse(file.toString(), text);
  }

  /** Parses YAML text; {@code name} is used in error positions. */
  public static BuildConfig parse(String name, String text) throws ConfigException {
    Node root = compose(name, text);
    if (root == null) {
      return ConfigMerger.empty();
    }
    SchemaReader reader = new SchemaReader(name);
    @SuppressWarnings("unchecked")
    Map<String, Object> doc = (Map<String, Object>) reader.read(root, LinuxKitSchema.ROOT, "");
    BuildConfig config = new SectionReader(reader, doc).read();
    ConfigChecks.checkWhole(config);
    return config;
  }

  /**
   * Checks the {@code org.mobyproject.config} label of {@code image} (a JSON/YAML object with the
   * container settings, never {@code name} or {@code image}) and returns its settings.
   */
  public static Map<String, Object> parseLabel(String image, String label) throws ConfigException {
    String where = "label org.mobyproject.config of " + image;
    Node root = compose(where, label);
    if (root == null) {
      return Map.of();
    }
    SchemaReader reader = new SchemaReader(where);
    @SuppressWarnings("unchecked")
    Map<String, Object> settings =
        (Map<String, Object>) reader.read(root, LinuxKitSchema.IMAGE_SETTINGS, "label");
    return new LinkedHashMap<>(settings);
  }

  private static Node compose(String name, String text) throws ConfigException {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(name)
            .setSchema(new CoreSchema())
            .setAllowDuplicateKeys(false)
            .setMaxAliasesForCollections(50)
            .setCodePointLimit(MAX_FILE_BYTES)
            .build();
    try {
      List<Node> docs = new ArrayList<>();
      new Compose(settings).composeAllFromString(text).forEach(docs::add);
      if (docs.size() > 1) {
        throw new ConfigException(name + ": expected one YAML document, found " + docs.size());
      }
      return docs.isEmpty() ? null : docs.getFirst();
    } catch (MarkedYamlEngineException e) {
      String pos =
          e.getProblemMark()
              .map(m -> name + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1))
              .orElse(name);
      throw new ConfigException(pos + ": invalid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new ConfigException(name + ": invalid YAML: " + e.getMessage());
    }
  }

  static Optional<String> optString(Map<String, Object> m, String key) {
    return Optional.ofNullable((String) m.get(key));
  }
}
