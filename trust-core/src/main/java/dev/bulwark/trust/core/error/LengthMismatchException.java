package dev.bulwark.trust.core.error;

/** Bytes whose length differs from (or exceeds) the expected length. */
public class LengthMismatchException extends TrustException {
  public LengthMismatchException(String message) {
    super(message);
  }

  public LengthMismatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
