package dev.bulwark.trust.client.fetch;

import java.net.URI;
import java.time.Duration;

/** The download did not complete within its deadline: the slow-retrieval attack. */
public final class SlowRetrievalException extends DownloadException {
  public SlowRetrievalException(URI uri, Duration limit) {
    super(uri, "download from " + uri + " did not complete within " + limit);
  }
}
