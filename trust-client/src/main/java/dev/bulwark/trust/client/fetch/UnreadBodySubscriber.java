package dev.bulwark.trust.client.fetch;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Completes at once without reading the body: for responses whose status alone decides (404, 403,
 * 500). A body that never ends, or never arrives, must not keep the client waiting.
 */
final class UnreadBodySubscriber implements BodySubscriber<byte[]> {
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    s.cancel();
    result.complete(null);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {}

  @Override
  public void onError(Throwable error) {
    result.complete(null);
  }

  @Override
  public void onComplete() {
    result.complete(null);
  }
}
