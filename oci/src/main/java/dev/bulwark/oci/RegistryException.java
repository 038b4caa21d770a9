package dev.bulwark.oci;

import java.util.List;

/**
 * A registry refused a request or could not be reached. {@link #status()} is the HTTP status (0
 * when no response was received); {@link #errorCodes()} are the distribution error codes found in
 * the response body (e.g. {@code MANIFEST_UNKNOWN}, {@code DENIED}).
 */
public final class RegistryException extends OciException {
  private final int status;
  private final List<String> errorCodes;

  public RegistryException(String message, int status, List<String> errorCodes) {
    super(message);
    this.status = status;
    this.errorCodes = List.copyOf(errorCodes);
  }

  public RegistryException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.errorCodes = List.of();
  }

  public int status() {
    return status;
  }

  public List<String> errorCodes() {
    return errorCodes;
  }
}
