package dev.bulwark.trust.client.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches {@code http}/{@code https} URLs with {@code java.net.http}. Each download has a connect
 * timeout and an overall deadline (the slow-retrieval bound); the body is cut off as soon as it
 * exceeds the allowed length, and a {@code Content-Length} above the limit fails before reading.
 */
public final class HttpFetcher implements Fetcher {
  private final Duration connectTimeout;
  private final Duration downloadTimeout;
  private final String userAgent;
  private HttpClient client;

  /** A fetcher with a 10 s connect timeout and a 60 s overall deadline per download. */
  public HttpFetcher() {
    this(Duration.ofSeconds(10), Duration.ofSeconds(60), "bulwark");
  }

  public HttpFetcher(Duration connectTimeout, Duration downloadTimeout, String userAgent) {
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.downloadTimeout = Objects.requireNonNull(downloadTimeout, "downloadTimeout");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
  }

  // Created on first use so that commands that never download pay nothing for it.
  private synchronized HttpClient client() {
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(connectTimeout)
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
    }
    return client;
  }

  @Override
  public byte[] fetch(URI uri, long maxLength) throws DownloadException {
    HttpRequest request = HttpRequest.newBuilder(uri).GET().header("User-Agent", userAgent).build();
    CompletableFuture<HttpResponse<byte[]>> pending =
        client().sendAsync(request, info -> subscriberFor(uri, maxLength, info));
    try {
      HttpResponse<byte[]> response =
          pending.get(downloadTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return bodyOf(uri, response);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new SlowRetrievalException(uri, downloadTimeout);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new DownloadException(uri, "interrupted while downloading " + uri, e);
    } catch (ExecutionException e) {
      throw translate(uri, e.getCause());
    }
  }

  private static HttpResponse.BodySubscriber<byte[]> subscriberFor(
      URI uri, long maxLength, HttpResponse.ResponseInfo info) {
    if (info.statusCode() != 200) {
      return DiscardingBodySubscriber.unread(); // the status decides; an endless body is not read
    }
    OptionalLong announced = info.headers().firstValueAsLong("Content-Length");
    if (announced.isPresent() && announced.getAsLong() > maxLength) {
      return DiscardingBodySubscriber.failing(new LengthExceededException(uri, maxLength));
    }
    return new BoundedBodySubscriber(uri, maxLength);
  }

  private static byte[] bodyOf(URI uri, HttpResponse<byte[]> response) throws DownloadException {
    int status = response.statusCode();
    if (status == 404 || status == 403) {
      throw new RemoteNotFoundException(uri, uri + " not found (HTTP " + status + ")");
    }
    if (status != 200) {
      throw new HttpStatusException(uri, status);
    }
    return response.body();
  }

  private static DownloadException translate(URI uri, Throwable cause) {
    return switch (cause) {
      case DownloadException d -> d;
      case IOException io when io.getCause() instanceof DownloadException d -> d;
      case null -> new DownloadException(uri, "download of " + uri + " failed");
      default ->
          new DownloadException(uri, "download of " + uri + " failed: " + describe(cause), cause);
    };
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
