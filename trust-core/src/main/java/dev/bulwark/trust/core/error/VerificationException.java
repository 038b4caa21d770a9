package dev.bulwark.trust.core.error;

/** Root of the signature failures: a bad single signature or an unmet threshold. */
public class VerificationException extends TrustException {
  public VerificationException(String message) {
    super(message);
  }

  public VerificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
