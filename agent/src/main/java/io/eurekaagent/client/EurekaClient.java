package io.eurekaagent.client;

import io.eurekaagent.config.ServerSettings;
import io.eurekaagent.config.ServiceUrl;
import io.eurekaagent.instance.AppNames;
import io.eurekaagent.instance.InstanceInfo;
import io.eurekaagent.log.AgentLog;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.URLEncoder;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The Eureka REST calls the registrar needs (docs/eureka-protocol.md, "Calls"). Each call tries the servers in
 * {@link ServerChoice}'s order and moves on to the next one on a connection error, a TLS failure, a timeout, a
 * 5xx or a success code Eureka does not give for that call; every attempt and every call is bounded in time.
 */
public final class EurekaClient implements EurekaCalls {
    private static final String USER_AGENT = "eureka-agent";
    private static final Duration WARM_UP_BUDGET = Duration.ofSeconds(1);
    private final ServerChoice servers;
    private final Transport transport;
    private final Duration attemptTimeout;
    /** One attempt at each server: the budget of a call that is not cut shorter. */
    private final Duration callTimeout;

    /** @param attemptTimeout the most one request to one server may take, connecting included */
    /** A client of {@code servers} with the agent's timeouts and quarantine: the agent's and the command line's. */
    public static EurekaClient of(List<ServiceUrl> servers, ServerSettings settings, Transport transport) {
        return new EurekaClient(new ServerChoice(servers, settings.serverQuarantine()), transport,
                settings.connectTimeout().plus(settings.readTimeout()));
    }

    public EurekaClient(ServerChoice servers, Transport transport, Duration attemptTimeout) {
        this.servers = servers;
        this.transport = transport;
        this.attemptTimeout = attemptTimeout;
        this.callTimeout = attemptTimeout.multipliedBy(servers.size());
    }

    /**
     * Loads the HTTP request path (with TLS, the handshake's code and a session to resume) while the app is still
     * starting, so that registering once it listens costs one round trip, not tens of ms of cold code. A harmless
     * {@code GET /apps/{APP}}; its outcome does not matter.
     */
    public void warmUp(String app) {
        try {
            send(
                    new Request("GET", "/apps/" + segment(AppNames.inRegistry(app)), null, 200),
                    WARM_UP_BUDGET,
                    LimitedBody.LIMIT);
        } catch (EurekaUnavailableException e) {
            AgentLog.debug("warm-up request failed (" + e.getMessage() + ")");
        }
    }

    @Override
    public EurekaResponse register(InstanceInfo instance) throws EurekaUnavailableException {
        byte[] body = instance.registrationJson().getBytes(StandardCharsets.UTF_8);
        return send(new Request("POST", "/apps/" + segment(instance.app()), body, 204), callTimeout, LimitedBody.LIMIT);
    }

    /**
     * {@code PUT /apps/{APP}/{ID}?status=..&lastDirtyTimestamp=..}, the instance's current status as the Netflix client
     * sends it (a server that honours it must not flip a DOWN instance back to UP): 200 renewed, 404 unknown.
     */
    @Override
    public EurekaResponse renew(InstanceInfo instance) throws EurekaUnavailableException {
        String query = "?status=" + instance.status() + "&lastDirtyTimestamp=" + instance.lastDirtyTimestamp();
        return send(new Request("PUT", instancePath(instance) + query, null, 200), callTimeout, LimitedBody.LIMIT);
    }

    /** {@code DELETE /apps/{APP}/{ID}} within {@code budget}, whatever the servers do. */
    @Override
    public EurekaResponse cancel(InstanceInfo instance, Duration budget) throws EurekaUnavailableException {
        return send(new Request("DELETE", instancePath(instance), null, 200), budget, LimitedBody.LIMIT);
    }

    /**
     * An administrator's status override ({@code PUT /apps/{APP}/{ID}/status?value=OUT_OF_SERVICE}): it wins over the
     * status the instance sends and outlives its heartbeats and registrations. 200 set, 404 unknown instance.
     */
    public EurekaResponse override(String app, String instanceId, String status) throws EurekaUnavailableException {
        String path = statusPath(app, instanceId) + "?value=" + status;
        return send(new Request("PUT", path, null, 200), callTimeout, LimitedBody.LIMIT);
    }

    /** Removes the override and puts the instance back UP: {@code DELETE /apps/{APP}/{ID}/status?value=UP}. */
    public EurekaResponse removeOverride(String app, String instanceId) throws EurekaUnavailableException {
        String path = statusPath(app, instanceId) + "?value=UP";
        return send(new Request("DELETE", path, null, 200), callTimeout, LimitedBody.LIMIT);
    }

    /**
     * {@code GET path} ({@code /apps}, {@code /apps/delta}, {@code /apps/{APP}}) with gzip, as the registry reads are
     * made; at most {@code limit} bytes are kept as received, and {@link EurekaResponse#UNZIPPED_LIMIT} once unzipped.
     */
    public EurekaResponse fetch(String path, int limit) throws EurekaUnavailableException {
        return send(new Request("GET", path, null, 200).gzip(), callTimeout, limit);
    }

    /** Frees the transport once the agent has made its last call. */
    public void close() {
        transport.close();
    }

    private static String statusPath(String app, String instanceId) {
        return "/apps/" + segment(AppNames.inRegistry(app)) + "/" + segment(instanceId) + "/status";
    }

    private static String instancePath(InstanceInfo instance) {
        return "/apps/" + segment(instance.app()) + "/" + segment(instance.instanceId());
    }

    private EurekaResponse send(Request request, Duration budget, int limit) throws EurekaUnavailableException {
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
                EurekaResponse response = attempt(server, request, timeout, limit);
                if (response.status() < 500 && (!response.isSuccess() || response.status() == request.success)) {
                    if (servers.answered(server)) {
                        String why = servers.setAsideBecause();
                        AgentLog.info("now using " + server + (why.isEmpty() ? "" : " (" + why + ")"));
                    }
                    return response;
                }
                failure = server + ": HTTP " + response.status() + (response.isSuccess()
                        ? " where a Eureka server answers " + request.success + " (is it one?)" : "");
            } catch (IOException | TimeoutException | RuntimeException e) {
                String proxy = transport.proxyFor(server.uri());
                failure = server + ": " + (proxy != null && connectionFailed(e)
                        ? "proxy " + proxy + ": " + describe(e, proxy.substring(0, proxy.lastIndexOf(':')))
                        : describe(e, server.uri().getHost()));
            }
            failures.add(failure);
            servers.failed(server, System.nanoTime(), failure);
        }
        throw new EurekaUnavailableException(String.join("; ", failures));
    }

    private EurekaResponse attempt(ServiceUrl server, Request request, Duration timeout, int limit)
            throws IOException, TimeoutException {
        Transport.Answer answer = transport.send(request.method, server.resolve(request.path), request.headers(server),
                request.body, timeout, limit);
        return new EurekaResponse(answer.status(), answer.body(), answer.gzipped(), server);
    }

    /** A failure to reach the other end at all: through a proxy, the proxy's, not the server's. */
    private static boolean connectionFailed(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof UnresolvedAddressException
                    || cause instanceof NoRouteToHostException) {
                return true;
            }
        }
        return e instanceof TimeoutException && "connect timed out".equals(e.getMessage());
    }

    /** The real cause in a few words: each needs a different fix (DNS, the server, the network, TLS). */
    private static String describe(Exception e, String host) {
        if (e instanceof TimeoutException) {
            return e.getMessage() == null ? "timed out" : e.getMessage();
        }
        // java.net.http reports an unknown name as a ConnectException caused by UnresolvedAddressException.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "unknown host " + host + " (no such name in DNS or /etc/hosts)";
            }
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof ConnectException) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            return message.equals("null") || message.contains("refused") ? "connection refused" : message;
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

    /** One Eureka call, the same for every server it is tried on. */
    private static final class Request {
        final String method;
        final String path;
        final byte[] body;
        /** What Eureka answers when the call worked: another 2xx means something else answered (a portal, a proxy). */
        final int success;
        private boolean gzip;

        Request(String method, String path, byte[] body, int success) {
            this.method = method;
            this.path = path;
            this.body = body;
            this.success = success;
        }

        Request gzip() {
            gzip = true;
            return this;
        }

        Map<String, String> headers(ServiceUrl server) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", "application/json");
            headers.put("User-Agent", USER_AGENT);
            if (body != null) {
                headers.put("Content-Type", "application/json");
            }
            if (gzip) {
                headers.put("Accept-Encoding", "gzip");
            }
            if (server.authorization() != null) {
                headers.put("Authorization", server.authorization());
            }
            return headers;
        }
    }
}
