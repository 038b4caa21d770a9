package dev.bulwark.trust.core.error;

/** One signature does not verify with the key it names. */
public class BadSignatureException extends VerificationException {
  public BadSignatureException(String message) {
    super(message);
  }

  public BadSignatureException(String message, Throwable cause) {
    super(message, cause);
  }
}
