package dev.bulwark.builder.config;

import dev.bulwark.builder.BuildException;

/** A build file that is not valid YAML or does not follow the LinuxKit schema. */
public final class ConfigException extends BuildException {
  public ConfigException(String message) {
    super(message);
  }
}
