package dev.bulwark.trust.client.fetch;

import java.net.URI;

/** The remote says the file does not exist or may not be read (HTTP 404/403, missing file). */
public final class RemoteNotFoundException extends DownloadException {
  public RemoteNotFoundException(URI uri, String message) {
    super(uri, message);
  }
}
