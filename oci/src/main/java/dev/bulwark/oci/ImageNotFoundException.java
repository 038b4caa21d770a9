package dev.bulwark.oci;

/** The named image, manifest or blob does not exist in the source asked. */
public final class ImageNotFoundException extends OciException {
  public ImageNotFoundException(String message) {
    super(message);
  }
}
