package io.eurekaagent.client;

import io.eurekaagent.instance.InstanceInfo;
import io.eurekaagent.log.AgentLog;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.net.ssl.SSLException;

/**
 * The Eureka REST calls the registrar needs (shared/eureka-protocol.md). Each call tries the servers in
 * {@link ServerChoice}'s order and moves on to the next one on a connection error, a TLS failure, a timeout or a
 * 5xx; every attempt and every call is bounded in time.
 */
public final class EurekaClient {
    private static final String USER_AGENT = "eureka-agent";
    private static final Duration WARM_UP_BUDGET = Duration.ofSeconds(1);
    /** The most a registry read may take on the wire and once unzipped: ~50,000 instances. */
    static final int REGISTRY_LIMIT = 64 * 1024 * 1024;

    private final ServerChoice servers;
    private final HttpClient http;
    private final Duration attemptTimeout;
    /** One attempt at each server: the budget of a call that is not cut shorter. */
    private final Duration callTimeout;

    /** @param attemptTimeout the most one request to one server may take, connecting included */
    public EurekaClient(ServerChoice servers, HttpClient http, Duration attemptTimeout) {
        this.servers = servers;
        this.http = http;
        this.attemptTimeout = attemptTimeout;
        this.callTimeout = attemptTimeout.multipliedBy(servers.size());
    }

    /**
     * Loads the JSON writer and the HTTP request path and leaves a pooled connection open while the app is still
     * starting, so that registering once it listens costs one round trip instead of ~200 ms of cold code.
     * A harmless {@code GET /apps/{APP}}; its outcome does not matter.
     */
    public void warmUp(String app) {
        try {
            JSON.std.asBytes(Map.of("instance", Map.of("app", app)));
            send(server -> request(server, "/apps/" + segment(app.toUpperCase(Locale.ROOT))).GET(), WARM_UP_BUDGET, LimitedBody.LIMIT);
        } catch (IOException | EurekaUnavailableException e) {
            AgentLog.debug("warm-up request failed (" + e.getMessage() + ")");
        }
    }

    /** {@code POST /apps/{APP}}: 204 when registered. */
    public EurekaResponse register(InstanceInfo instance) throws EurekaUnavailableException {
        byte[] body;
        try {
            body = JSON.std.asBytes(instance.registrationDocument());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the instance document", e);
        }
        return send(server -> request(server, "/apps/" + segment(instance.app()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), callTimeout, LimitedBody.LIMIT);
    }

    /** {@code PUT /apps/{APP}/{ID}?status=UP&lastDirtyTimestamp=..}: 200 renewed, 404 unknown (register again). */
    public EurekaResponse renew(InstanceInfo instance) throws EurekaUnavailableException {
        String query = "?status=UP&lastDirtyTimestamp=" + instance.lastDirtyTimestamp();
        return send(server -> request(server, instancePath(instance) + query)
                .PUT(HttpRequest.BodyPublishers.noBody()), callTimeout, LimitedBody.LIMIT);
    }

    /** {@code DELETE /apps/{APP}/{ID}} within {@code budget}, whatever the servers do. */
    public EurekaResponse cancel(InstanceInfo instance, Duration budget) throws EurekaUnavailableException {
        return send(server -> request(server, instancePath(instance)).DELETE(), budget, LimitedBody.LIMIT);
    }

    /**
     * {@code GET path} ({@code /apps}, {@code /apps/delta}, {@code /apps/{APP}}) with gzip, as the registry reads are
     * made; the body is bounded by {@link #REGISTRY_LIMIT} before and after unzipping.
     */
    public EurekaResponse fetch(String path) throws EurekaUnavailableException {
        return send(server -> request(server, path).header("Accept-Encoding", "gzip").GET(),
                callTimeout, REGISTRY_LIMIT);
    }

    private static String instancePath(InstanceInfo instance) {
        return "/apps/" + segment(instance.app()) + "/" + segment(instance.instanceId());
    }

    private HttpRequest.Builder request(ServiceUrl server, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.resolve(path))
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (server.authorization() != null) {
            builder.header("Authorization", server.authorization());
        }
        return builder;
    }

    private EurekaResponse send(Function<ServiceUrl, HttpRequest.Builder> request, Duration budget, int limit)
            throws EurekaUnavailableException {
        long deadline = System.nanoTime() + budget.toNanos();
        List<String> failures = new ArrayList<>();
        for (ServiceUrl server : servers.order(System.nanoTime())) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                failures.add("no time left for the other servers");
                break;
            }
            Duration timeout = Duration.ofNanos(Math.min(remaining, attemptTimeout.toNanos()));
            String failure;
            try {
                EurekaResponse response = attempt(server, request.apply(server).timeout(timeout).build(), timeout, limit);
                if (response.status() < 500) {
                    if (servers.answered(server)) {
                        String why = servers.setAsideBecause();
                        AgentLog.info("now using " + server + (why.isEmpty() ? "" : " (" + why + ")"));
                    }
                    return response;
                }
                failure = server + ": HTTP " + response.status();
            } catch (IOException | TimeoutException e) {
                failure = server + ": " + describe(e);
            }
            failures.add(failure);
            servers.failed(server, System.nanoTime(), failure);
        }
        throw new EurekaUnavailableException(String.join("; ", failures));
    }

    private EurekaResponse attempt(ServiceUrl server, HttpRequest request, Duration timeout, int limit)
            throws IOException, TimeoutException {
        // The future's timeout bounds the connect too, which HttpRequest.timeout does not.
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request, info -> new LimitedBody(limit));
        try {
            HttpResponse<byte[]> response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            byte[] body = response.body();
            if (response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
                body = Gzip.decode(body, limit);
            }
            return new EurekaResponse(response.statusCode(), body, server);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TimeoutException("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // The request's own timeout and the future's race; either way the server did not answer in time.
            if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
                throw new TimeoutException("no answer within " + timeout.toMillis() + " ms");
            }
            throw cause instanceof IOException ? (IOException) cause : new IOException(cause);
        }
    }

    private static String describe(Exception e) {
        if (e instanceof HttpTimeoutException || e instanceof TimeoutException) {
            return e.getMessage() == null ? "timed out" : e.getMessage();
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof SSLException) {
            return TlsFailure.describe((SSLException) e);
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }

    /** Percent-encodes one path segment; {@code :} stays, as in Eureka's own ids ({@code host:app:port}). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
    }
}
