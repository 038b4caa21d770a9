package dev.bulwark.oci;

/** Root of the checked exceptions thrown by the oci module. */
public class OciException extends Exception {
  public OciException(String message) {
    super(message);
  }

  public OciException(String message, Throwable cause) {
    super(message, cause);
  }
}
