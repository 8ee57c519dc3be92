package io.eurekaagent.client;

import io.eurekaagent.config.EurekaProxy;
import io.eurekaagent.log.AgentLog;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ProtocolException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * {@code eureka.agent.http-client=java-http-client}: the JDK's {@code java.net.http.HttpClient}, HTTP/1.1. After a
 * protocol error (headers past the JDK's {@code jdk.http.maxHeaderSize}, a malformed answer) that client keeps the
 * exchange's connection open, one socket and its buffers per call until the heap runs out (issue 21), and offers no
 * way to close it: from then on the calls go through {@link UrlConnectionTransport}, which closes every exchange.
 */
public final class JavaHttpClientTransport implements Transport {
    private final HttpClient http;
    private final EurekaProxy proxy;
    /** Where the calls go once this client has met a protocol error ({@link #send}). */
    private final UrlConnectionTransport fallback;
    private volatile boolean leaking;

    /**
     * @param tlsContext the key and trust material of {@code eureka.client.tls.*}, or null for the JDK's defaults
     * @param tls false when every server is plain http: the client then skips loading the JDK's CA certificates
     * @param proxy the proxy of the calls to Eureka, or null for none
     */
    public JavaHttpClientTransport(Duration connectTimeout, ExecutorService executor, SSLContext tlsContext,
            boolean tls, EurekaProxy proxy) {
        this.proxy = proxy;
        this.fallback = new UrlConnectionTransport(connectTimeout, executor, tlsContext, proxy);
        // HTTP/1.1: the default HTTP/2 adds an h2c upgrade to every plain-http request, which Eureka never takes.
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .proxy(proxy == null ? HttpClient.Builder.NO_PROXY : proxy.selector())
                .executor(executor);
        SSLContext context;
        try {
            context = tlsContext != null ? tlsContext : tls ? JdkTls.defaults() : JdkTls.untrusting();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JVM", e);
        }
        // Host names verified whatever the app sets: jdk.internal.httpclient.disableHostnameVerification, a JDK-wide
        // property, only stops the client from asking for the check; parameters that ask for it are kept.
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        builder.sslContext(context).sslParameters(parameters);
        if (proxy != null) {
            builder.authenticator(proxy.authenticator());
        }
        http = builder.build();
    }

    @Override
    public String proxyFor(URI uri) {
        return proxy == null ? null : proxy.nameFor(uri);
    }

    @Override
    public Answer send(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout, int limit)
            throws IOException, TimeoutException {
        if (leaking) {
            return fallback.send(method, uri, headers, body, timeout, limit);
        }
        HttpRequest.BodyPublisher content = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).method(method, content);
        headers.forEach(request::header);
        // The future's timeout bounds the connect too, which HttpRequest.timeout does not.
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request.build(), info -> new LimitedBody(limit));
        try {
            HttpResponse<byte[]> response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            String encoding = response.headers().firstValue("Content-Encoding").orElse("");
            return new Answer(response.statusCode(), response.body(), encoding);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TimeoutException("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                throw new TimeoutException("connect timed out");
            }
            // The request's own timeout and the future's race; either way the server did not answer in time.
            if (cause instanceof HttpTimeoutException) {
                throw new TimeoutException("no answer within " + timeout.toMillis() + " ms");
            }
            if (cause instanceof ProtocolException && !leaking) {
                leaking = true;
                AgentLog.warn("java-http-client keeps a connection open after a protocol error (" + cause.getMessage()
                        + " from " + uri.getHost() + ":" + uri.getPort() + "), one socket and its buffers per call,"
                        + " and has no way to close one: the agent's calls go through url-connection from now on");
            }
            throw cause instanceof IOException ? (IOException) cause : new IOException(cause);
        }
    }

    /**
     * JDK 21+ {@code HttpClient.shutdownNow()}: its selector thread waits in native code, and the JVM waits up to
     * ~300 ms for such threads at exit. Called by reflection: the agent is compiled for Java 11.
     */
    @Override
    public void close() {
        try {
            Method shutdownNow = HttpClient.class.getMethod("shutdownNow");
            shutdownNow.invoke(http);
        } catch (ReflectiveOperationException | RuntimeException olderJdk) {
            // before JDK 21 there is nothing to shut down
        }
    }
}
