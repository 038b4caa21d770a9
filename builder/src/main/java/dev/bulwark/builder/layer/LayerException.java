package dev.bulwark.builder.layer;

import dev.bulwark.builder.BuildException;

/** A layer that is malformed or hostile: traversal, escapes, device nodes, oversized content. */
public final class LayerException extends BuildException {
  public LayerException(String message) {
    super(message);
  }

  public LayerException(String message, Throwable cause) {
    super(message, cause);
  }
}
