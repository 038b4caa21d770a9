package dev.bulwark.trust.core.error;

/** Fewer distinct keys of a role produced valid signatures than the role's threshold requires. */
public class ThresholdNotMetException extends VerificationException {
  public ThresholdNotMetException(String message) {
    super(message);
  }

  public ThresholdNotMetException(String message, Throwable cause) {
    super(message, cause);
  }
}
