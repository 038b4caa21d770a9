package dev.bulwark.trust.client.fetch;

import java.net.URI;

/**
 * A transport failure: the bytes could not be obtained (network, status, size, time). Distinct from
 * errors about the content of repository data, which the updater reports separately.
 */
public class DownloadException extends Exception {
  private final URI uri;

  public DownloadException(URI uri, String message) {
    super(message);
    this.uri = uri;
  }

  public DownloadException(URI uri, String message, Throwable cause) {
    super(message, cause);
    this.uri = uri;
  }

  /** The location that could not be fetched. */
  public URI uri() {
    return uri;
  }
}
