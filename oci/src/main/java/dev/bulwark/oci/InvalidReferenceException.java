package dev.bulwark.oci;

/** An image reference, digest or platform string that does not follow the grammar. */
public final class InvalidReferenceException extends OciException {
  public InvalidReferenceException(String message) {
    super(message);
  }
}
