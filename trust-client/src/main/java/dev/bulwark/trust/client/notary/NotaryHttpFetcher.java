package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.client.fetch.DownloadException;
import dev.bulwark.trust.client.fetch.Fetcher;
import dev.bulwark.trust.client.fetch.HttpStatusException;
import dev.bulwark.trust.client.fetch.LengthExceededException;
import dev.bulwark.trust.client.fetch.RemoteNotFoundException;
import dev.bulwark.trust.client.fetch.SlowRetrievalException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * HTTPS fetcher for a Notary server with its own TLS settings ({@link NotaryTls}). One client, kept
 * alive across requests (unlike the real notary client, which opens a TLS connection per request).
 * Bodies are read only up to {@code maxLength}; a longer body fails without being read to the end.
 */
public final class NotaryHttpFetcher implements Fetcher {
  private final HttpClient client;
  private final Duration timeout;

  public NotaryHttpFetcher(NotaryTls tls, Duration timeout) {
    this(tls.sslContext(), timeout);
  }

  /** A fetcher with a ready-made TLS context. */
  public NotaryHttpFetcher(javax.net.ssl.SSLContext sslContext, Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(sslContext)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  @Override
  public byte[] fetch(URI uri, long maxLength) throws DownloadException {
    HttpRequest req =
        HttpRequest.newBuilder(uri).GET().timeout(timeout).header("User-Agent", "bulwark").build();
    try {
      HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = resp.body()) {
        int status = resp.statusCode();
        if (status == 404 || status == 403) {
          throw new RemoteNotFoundException(uri, uri + " not found (HTTP " + status + ")");
        }
        if (status != 200) {
          throw new HttpStatusException(uri, status);
        }
        if (resp.headers().firstValueAsLong("Content-Length").orElse(0) > maxLength) {
          throw new LengthExceededException(uri, maxLength);
        }
        return readBounded(uri, body, maxLength);
      }
    } catch (HttpTimeoutException e) {
      throw new SlowRetrievalException(uri, timeout);
    } catch (IOException e) {
      throw new DownloadException(uri, "download of " + uri + " failed: " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DownloadException(uri, "interrupted while downloading " + uri, e);
    }
  }

  private static byte[] readBounded(URI uri, InputStream in, long maxLength)
      throws IOException, LengthExceededException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    long total = 0;
    for (int n; (n = in.read(buf)) > 0; ) {
      total += n;
      if (total > maxLength) {
        throw new LengthExceededException(uri, maxLength);
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
