package dev.bulwark.cli.sandbox;

import dev.bulwark.sandbox.CompatLevel;
import dev.bulwark.sandbox.LandlockConfig;
import dev.bulwark.sandbox.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a policy file in the landlockconfig format: {@code .toml}, or JSON/YAML (any other
 * extension; YAML 1.2 reads JSON too).
 */
final class PolicyFiles {
  private PolicyFiles() {}

  static Policy read(Path file, CompatLevel compat) throws IOException {
    String text = Files.readString(file);
    String where = file.toString();
    Object tree;
    if (where.endsWith(".toml")) {
      tree = TomlSubset.parse(text, where);
    } else {
      try {
        tree = new Load(LoadSettings.builder().setLabel(where).build()).loadFromString(text);
      } catch (YamlEngineException e) {
        throw new IllegalArgumentException(
            where + ": not valid YAML/JSON: " + e.getMessage().lines().findFirst().orElse(""));
      }
    }
    return LandlockConfig.fromTree(tree, compat, where);
  }
}
