package dev.bulwark.builder.trust;

import dev.bulwark.builder.BuildException;

/** An image that must be trusted could not be resolved through signed trust data. */
public final class TrustFailure extends BuildException {
  public TrustFailure(String message) {
    super(message);
  }

  public TrustFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
