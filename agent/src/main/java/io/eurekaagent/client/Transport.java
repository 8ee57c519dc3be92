package io.eurekaagent.client;

import io.eurekaagent.config.AgentConfig;
import io.eurekaagent.config.Catalog;
import io.eurekaagent.config.EurekaProxy;
import io.eurekaagent.config.ReadinessSettings;
import io.eurekaagent.config.ServerSettings;
import io.eurekaagent.config.ServiceUrl;
import io.eurekaagent.config.TransportKind;
import io.eurekaagent.log.AgentLog;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * One HTTP exchange with one server, the seam under the Eureka calls, the registry reads and the health check. Two
 * implementations, both the JDK's own clients: {@link UrlConnectionTransport} (the default: 24-50 ms and 2-3 MB to
 * start) and {@link JavaHttpClientTransport} (270-385 ms and 20-30 MB, and its selector thread holds JVM exit).
 * Either way: every wait is bounded by the timeout, bodies are cut at the limit, no proxy but {@link EurekaProxy},
 * nothing global of
 * the app's (authenticator, hostname verifier) is used or touched, and no thread is left that delays the exit.
 */
public interface Transport {
    /** The agent's transport as its settings make it; TLS is loaded only if a URL it calls is https. */
    static Transport of(AgentConfig config, ExecutorService worker) {
        ServerSettings servers = config.servers();
        String health = config.instance().get(Catalog.HEALTH_CHECK_URL);
        ReadinessSettings readiness = config.readiness();
        boolean tls = health != null && health.startsWith("https:")
                || readiness.get(Catalog.HEALTH_CHECK_ENABLED) && !readiness.get(Catalog.NON_SECURE_PORT_ENABLED);
        for (ServiceUrl url : servers.serviceUrls()) {
            tls |= url.isHttps();
        }
        return create(servers.httpClient(), servers.connectTimeout(), worker, servers.tlsContext(), tls,
                servers.proxy());
    }

    /**
     * The transport of that kind; java-http-client falls back to url-connection where it cannot start.
     * @param tlsContext the key and trust material of {@code eureka.client.tls.*}, or null for the JDK's defaults
     * @param tls whether any server or health URL is https (without, java-http-client skips the JDK's CA store)
     * @param proxy the proxy of the calls to Eureka, or null for none
     */
    static Transport create(TransportKind kind, Duration connectTimeout, ExecutorService worker, SSLContext tlsContext,
            boolean tls, EurekaProxy proxy) {
        if (kind == TransportKind.JAVA_HTTP_CLIENT) {
            try {
                return new JavaHttpClientTransport(connectTimeout, worker, tlsContext, tls, proxy);
            } catch (RuntimeException | LinkageError e) {
                // An app can break what java.net.http needs at start (a URLStreamHandlerFactory that throws for
                // http fails the JDK's JCE set-up): the default transport needs none of it (issue 21).
                AgentLog.warn("eureka.agent.http-client=java-http-client cannot start in this JVM (" + rootCause(e)
                        + "); using url-connection");
            }
        }
        return new UrlConnectionTransport(connectTimeout, worker, tlsContext, proxy);
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e.getClass().getSimpleName() + " caused by " + root;
    }

    /**
     * Sends one request and reads the answer, all within {@code timeout}: connecting, waiting, and a body that
     * trickles or never ends.
     * @param body null for none
     * @param limit the most body bytes kept; the rest is dropped unread
     */
    Answer send(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout, int limit)
            throws IOException, TimeoutException;

    /** The proxy a call to {@code uri} goes through ({@code host:port}), or null: failure lines name it. */
    default String proxyFor(URI uri) {
        return null;
    }

    /** Frees what the transport holds, once the agent has made its last call (the JVM is exiting). */
    default void close() {
    }

    /** What a server answered: the status, the (possibly gzipped, cut) body and its Content-Encoding. */
    final class Answer {
        private final int status;
        private final byte[] body;
        private final String contentEncoding;

        public Answer(int status, byte[] body, String contentEncoding) {
            this.status = status;
            this.body = body;
            this.contentEncoding = contentEncoding == null ? "" : contentEncoding;
        }

        public int status() {
            return status;
        }

        public byte[] body() {
            return body;
        }

        public boolean gzipped() {
            return contentEncoding.equalsIgnoreCase("gzip");
        }
    }
}
