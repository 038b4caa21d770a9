package dev.bulwark.trust.core.error;

/** Metadata whose version differs from the exact version the referring metadata requires. */
public class VersionMismatchException extends TrustException {
  public VersionMismatchException(String message) {
    super(message);
  }

  public VersionMismatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
