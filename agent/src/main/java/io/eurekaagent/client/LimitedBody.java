package io.eurekaagent.client;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps the first {@code limit} bytes of a body and stops reading there: a huge or endless answer from a broken
 * server or proxy must not grow the app's heap, nor cost more CPU than reading the limit (the connection is dropped).
 * Registration answers are read up to {@link #LIMIT}.
 */
final class LimitedBody implements BodySubscriber<byte[]> {
    static final int LIMIT = 8 * 1024;

    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    LimitedBody(int limit) {
        this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (limit == 0) {
            // The status is all that is wanted (a health check): done with the headers, as HttpURLConnection is.
            subscription.cancel();
            result.complete(new byte[0]);
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int keep = Math.min(buffer.remaining(), limit - bytes.size());
            byte[] chunk = new byte[keep];
            buffer.get(chunk);
            bytes.write(chunk, 0, keep);
            if (bytes.size() >= limit) {
                subscription.cancel();
                result.complete(bytes.toByteArray());
                return;
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
