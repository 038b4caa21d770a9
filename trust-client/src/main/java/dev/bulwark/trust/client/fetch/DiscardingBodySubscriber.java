package dev.bulwark.trust.client.fetch;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Completes at once without reading the body, with no bytes or with a failure: for responses whose
 * status or headers alone decide (404, 403, 500; a Content-Length over the cap). A body that never
 * ends, or never arrives, must not keep the client waiting.
 */
final class DiscardingBodySubscriber implements BodySubscriber<byte[]> {
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final Optional<DownloadException> failure;

  private DiscardingBodySubscriber(Optional<DownloadException> failure) {
    this.failure = failure;
  }

  /** Completes with {@code null} (no body). */
  static DiscardingBodySubscriber unread() {
    return new DiscardingBodySubscriber(Optional.empty());
  }

  /** Completes exceptionally with {@code failure}. */
  static DiscardingBodySubscriber failing(DownloadException failure) {
    return new DiscardingBodySubscriber(Optional.of(failure));
  }

  private void finish() {
    failure.ifPresentOrElse(result::completeExceptionally, () -> result.complete(null));
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    s.cancel();
    finish();
  }

  @Override
  public void onNext(List<ByteBuffer> items) {}

  @Override
  public void onError(Throwable error) {
    finish();
  }

  @Override
  public void onComplete() {
    finish();
  }
}
