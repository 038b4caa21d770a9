package dev.bulwark.trust.core.error;

/** Bytes whose hash differs from the expected hash, or no supported hash algorithm was listed. */
public class HashMismatchException extends TrustException {
  public HashMismatchException(String message) {
    super(message);
  }

  public HashMismatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
