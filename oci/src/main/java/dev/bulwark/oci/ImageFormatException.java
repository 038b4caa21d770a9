package dev.bulwark.oci;

/**
 * Image data (manifest, index, config, layout) that is malformed, hostile or of an unsupported
 * type. Nothing derived from it is stored.
 */
public class ImageFormatException extends OciException {
  public ImageFormatException(String message) {
    super(message);
  }

  public ImageFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
