package dev.bulwark.trust.core.error;

/** Metadata whose _type is not the role that was expected. */
public class WrongTypeException extends MalformedMetadataException {
  public WrongTypeException(String message) {
    super(message);
  }

  public WrongTypeException(String message, Throwable cause) {
    super(message, cause);
  }
}
