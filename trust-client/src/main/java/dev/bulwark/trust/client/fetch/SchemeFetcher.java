package dev.bulwark.trust.client.fetch;

import java.net.URI;
import java.util.Locale;

/**
 * Routes {@code http}/{@code https} to an {@link HttpFetcher} and {@code file} to a {@link
 * FileFetcher}.
 */
public final class SchemeFetcher implements Fetcher {
  private final Fetcher http;
  private final Fetcher file;

  public SchemeFetcher(Fetcher http, Fetcher file) {
    this.http = http;
    this.file = file;
  }

  /** HTTP with default timeouts, plus local files. */
  public static SchemeFetcher standard() {
    return new SchemeFetcher(new HttpFetcher(), new FileFetcher());
  }

  @Override
  public byte[] fetch(URI uri, long maxLength) throws DownloadException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "http", "https" -> http.fetch(uri, maxLength);
      case "file" -> file.fetch(uri, maxLength);
      default ->
          throw new DownloadException(uri, "unsupported URL scheme '" + scheme + "' in " + uri);
    };
  }
}
