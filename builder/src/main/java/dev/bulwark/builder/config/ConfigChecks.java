package dev.bulwark.builder.config;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks that span entries: unique container names, unique and well-formed volume names. */
final class ConfigChecks {
  private static final Pattern VOLUME_NAME = Pattern.compile("[a-z0-9_-]*");
  private static final Pattern CONTAINER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private ConfigChecks() {}

  static void checkWhole(BuildConfig config) throws ConfigException {
    Map<String, Where> names = new HashMap<>();
    for (ImageEntry e : config.containers()) {
      if (!CONTAINER_NAME.matcher(e.name()).matches() || e.name().length() > 128) {
        throw new ConfigException(
            e.where()
                + ": container name '"
                + e.name()
                + "' must be letters, digits, '_', '.', '-'");
      }
      Where first = names.putIfAbsent(e.name(), e.where());
      if (first != null) {
        throw new ConfigException(
            e.where() + ": container name '" + e.name() + "' is already used at " + first);
      }
    }
    Map<String, Where> volumes = new HashMap<>();
    for (VolumeEntry v : config.volumes()) {
      if (v.name().isEmpty() || !VOLUME_NAME.matcher(v.name()).matches()) {
        throw new ConfigException(
            v.where() + ": volume name '" + v.name() + "' must match ^[a-z0-9_-]+$");
      }
      Where first = volumes.putIfAbsent(v.name(), v.where());
      if (first != null) {
        throw new ConfigException(
            v.where() + ": volume '" + v.name() + "' is already defined at " + first);
      }
    }
  }
}
