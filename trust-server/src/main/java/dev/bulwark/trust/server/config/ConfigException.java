package dev.bulwark.trust.server.config;

/** The configuration file is unreadable or has a wrong key or value. */
public final class ConfigException extends Exception {
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
