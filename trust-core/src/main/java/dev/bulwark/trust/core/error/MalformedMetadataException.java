package dev.bulwark.trust.core.error;

/** Metadata that is not valid JSON or does not have the shape its role and dialect require. */
public class MalformedMetadataException extends TrustException {
  public MalformedMetadataException(String message) {
    super(message);
  }

  public MalformedMetadataException(String message, Throwable cause) {
    super(message, cause);
  }
}
