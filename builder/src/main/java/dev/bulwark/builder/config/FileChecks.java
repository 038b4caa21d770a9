package dev.bulwark.builder.config;

import java.util.Map;
import java.util.Optional;

/** Checks one {@code files} entry: which combinations are allowed, and its octal mode. */
final class FileChecks {
  private FileChecks() {}

  static FileEntry entry(Map<String, Object> m, Where where) throws ConfigException {
    String path = (String) m.get("path");
    boolean directory = (Boolean) m.getOrDefault("directory", false);
    Optional<String> symlink = ConfigParser.optString(m, "symlink");
    Optional<String> contents = ConfigParser.optString(m, "contents");
    Optional<String> source = ConfigParser.optString(m, "source");
    Optional<String> metadata = ConfigParser.optString(m, "metadata");
    String at = where + ": file '" + path + "': ";
    int sources =
        (contents.isPresent() ? 1 : 0)
            + (source.isPresent() ? 1 : 0)
            + (metadata.isPresent() ? 1 : 0);
    if (sources > 1) {
      throw new ConfigException(at + "only one of contents, source and metadata may be given");
    }
    if ((directory || symlink.isPresent()) && sources > 0) {
      throw new ConfigException(
          at + "a directory or symlink cannot have contents, source or metadata");
    }
    if (directory && symlink.isPresent()) {
      throw new ConfigException(at + "cannot be both a directory and a symlink");
    }
    if (!directory && symlink.isEmpty() && sources == 0) {
      throw new ConfigException(at + "needs contents, source, metadata, directory or symlink");
    }
    if (metadata.isPresent() && !metadata.get().equals("yaml") && !metadata.get().equals("json")) {
      throw new ConfigException(
          at + "metadata must be 'yaml' or 'json', found '" + metadata.get() + "'");
    }
    String cleaned = path.replaceFirst("^/+", "");
    if (cleaned.isEmpty() || java.util.Arrays.asList(cleaned.split("/")).contains("..")) {
      throw new ConfigException(at + "path must name a file below / without '..'");
    }
    int mode = mode(m, directory, at);
    return new FileEntry(
        cleaned,
        directory,
        symlink,
        contents,
        source,
        metadata,
        (Boolean) m.getOrDefault("optional", false),
        mode,
        m.getOrDefault("uid", 0L),
        m.getOrDefault("gid", 0L),
        where);
  }

  private static int mode(Map<String, Object> m, boolean directory, String at)
      throws ConfigException {
    String text = (String) m.get("mode");
    if (text == null) {
      return directory ? 0700 : 0600;
    }
    if (!text.matches("0?[0-7]{1,4}")) {
      throw new ConfigException(
          at + "mode must be an octal string like \"0644\", found '" + text + "'");
    }
    return Integer.parseInt(text, 8);
  }
}
