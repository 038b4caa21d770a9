package dev.bulwark.trust.client.fetch;

import java.net.URI;

/**
 * The updater's only way to obtain bytes. Implementations must stop reading as soon as more than
 * {@code maxLength} bytes arrive and must bound the total time a download may take.
 */
@FunctionalInterface
public interface Fetcher {

  /**
   * Downloads the whole resource at {@code uri}.
   *
   * @param maxLength the largest acceptable body; a longer one fails with {@link
   *     LengthExceededException} without being read to the end
   * @throws RemoteNotFoundException when the remote has no such file (404/403)
   * @throws DownloadException for any other transport failure
   */
  byte[] fetch(URI uri, long maxLength) throws DownloadException;
}
