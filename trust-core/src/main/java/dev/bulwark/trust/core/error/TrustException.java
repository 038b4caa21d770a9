package dev.bulwark.trust.core.error;

/** Root of the checked exceptions for bad or hostile trust data. */
public class TrustException extends Exception {
  public TrustException(String message) {
    super(message);
  }

  public TrustException(String message, Throwable cause) {
    super(message, cause);
  }
}
