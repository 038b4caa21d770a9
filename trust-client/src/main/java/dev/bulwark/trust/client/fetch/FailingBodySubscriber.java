package dev.bulwark.trust.client.fetch;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Refuses a body without reading it (used when the announced length is already too large). */
final class FailingBodySubscriber implements BodySubscriber<byte[]> {
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final DownloadException failure;

  FailingBodySubscriber(DownloadException failure) {
    this.failure = failure;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    s.cancel();
    result.completeExceptionally(failure);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {}

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    result.completeExceptionally(failure);
  }
}
