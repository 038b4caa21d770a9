package dev.bulwark.builder;

/** Root of the checked exceptions of the builder: bad config, untrusted images, hostile layers. */
public class BuildException extends Exception {
  public BuildException(String message) {
    super(message);
  }

  public BuildException(String message, Throwable cause) {
    super(message, cause);
  }
}
