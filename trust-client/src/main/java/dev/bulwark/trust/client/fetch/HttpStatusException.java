package dev.bulwark.trust.client.fetch;

import java.net.URI;

/** The server answered with an unexpected HTTP status (other than 200, 403 and 404). */
public final class HttpStatusException extends DownloadException {
  private final int status;

  public HttpStatusException(URI uri, int status) {
    super(uri, "expected HTTP 200 from " + uri + ", got " + status);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
