package dev.bulwark.trust.core.error;

/** Metadata whose expiry time is at or before the reference time. */
public class ExpiredMetadataException extends TrustException {
  public ExpiredMetadataException(String message) {
    super(message);
  }

  public ExpiredMetadataException(String message, Throwable cause) {
    super(message, cause);
  }
}
