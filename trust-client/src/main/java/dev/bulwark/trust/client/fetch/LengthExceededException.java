package dev.bulwark.trust.client.fetch;

import java.net.URI;

/** More bytes arrived (or were announced) than the caller allowed: the endless-data attack. */
public final class LengthExceededException extends DownloadException {
  private final long maxLength;

  public LengthExceededException(URI uri, long maxLength) {
    super(uri, "download from " + uri + " exceeds the maximum of " + maxLength + " bytes");
    this.maxLength = maxLength;
  }

  public long maxLength() {
    return maxLength;
  }
}
