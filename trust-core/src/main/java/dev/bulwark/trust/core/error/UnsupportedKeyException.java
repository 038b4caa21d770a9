package dev.bulwark.trust.core.error;

/** A key whose type, scheme or key material this implementation cannot use. */
public class UnsupportedKeyException extends MalformedMetadataException {
  public UnsupportedKeyException(String message) {
    super(message);
  }

  public UnsupportedKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
