package io.eurekaagent.discovery;

import io.eurekaagent.log.AgentLog;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import javax.net.ssl.SSLException;

/**
 * What the name hook calls with each {@code HttpClient.sendAsync} future: when a request the agent sent to an
 * instance is refused (the instance just stopped, and the registry copy is up to a fetch interval old), or is cut off
 * by a reset or a closed connection and is safe to repeat (GET, HEAD, OPTIONS), it goes once to the next instance of
 * the same service. Only requests without a body: a body publisher may not replay.
 */
final class ConnectRetry implements Function<Object[], Object> {
    private final ServiceUrlRewriter rewriter;

    ConnectRetry(ServiceUrlRewriter rewriter) {
        this.rewriter = rewriter;
    }

    /** @param call {future, client, request, handler} of one sendAsync */
    @Override
    @SuppressWarnings("unchecked")
    public Object apply(Object[] call) {
        if (!(call[0] instanceof CompletableFuture)
                || !(call[1] instanceof HttpClient)
                || !(call[2] instanceof ServiceRequest)
                || ((ServiceRequest) call[2]).service() == null) {
            return call[0];
        }
        CompletableFuture<Object> future = (CompletableFuture<Object>) call[0];
        HttpClient client = (HttpClient) call[1];
        ServiceRequest request = (ServiceRequest) call[2];
        HttpResponse.BodyHandler<Object> handler = (HttpResponse.BodyHandler<Object>) call[3];
        return future.handle((response, error) -> {
                    if (error == null
                            || !(cause(error) instanceof ConnectException || cutOff(cause(error), request.method()))) {
                        return future;
                    }
                    try {
                        HttpRequest next = rewriter.another(request);
                        if (next == null) {
                            return future;
                        }
                        AgentLog.debug(request.uri() + " failed (" + cause(error) + "); trying " + next.uri());
                        return client.sendAsync(next, handler);
                    } catch (Exception e) {
                        return future;
                    }
                })
                .thenCompose(retried -> retried);
    }

    /** A reset or closed connection (not a timeout, not TLS) on a request that may be sent twice. */
    private static boolean cutOff(Throwable cause, String method) {
        boolean idempotent = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        return idempotent && cause instanceof IOException && !(cause instanceof HttpTimeoutException)
                && !(cause instanceof SSLException);
    }

    private static Throwable cause(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
