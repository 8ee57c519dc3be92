package io.eurekaagent.client;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps the first {@link #LIMIT} bytes of a body and drops the rest: a huge or endless answer from a broken server
 * or proxy must not grow the app's heap.
 */
final class LimitedBody implements BodySubscriber<String> {
    static final int LIMIT = 8 * 1024;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int keep = Math.min(buffer.remaining(), LIMIT - bytes.size());
            byte[] chunk = new byte[keep];
            buffer.get(chunk);
            bytes.write(chunk, 0, keep);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(new String(bytes.toByteArray(), StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim());
    }
}
