package dev.bulwark.oci;

/**
 * Content whose digest or size differs from what its descriptor promised, or which exceeds a size
 * limit. The content was discarded.
 */
public final class BlobVerificationException extends ImageFormatException {
  public BlobVerificationException(String message) {
    super(message);
  }
}
