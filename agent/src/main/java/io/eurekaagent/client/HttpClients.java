package io.eurekaagent.client;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** The agent's one JDK HTTP client, shared by the Eureka calls and the health checks (its threads count for the app). */
public final class HttpClients {
    private HttpClients() {
    }

    /**
     * @param tlsContext the key and trust material of {@code eureka.client.tls.*}, or null for the JDK's defaults
     * @param tls false when every server is plain http: the client then skips loading the JDK's CA certificates
     */
    public static HttpClient create(Duration connectTimeout, Executor executor, SSLContext tlsContext, boolean tls) {
        // HTTP/1.1: the default HTTP/2 adds an h2c upgrade to every plain-http request, which Eureka never takes.
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .executor(executor);
        if (tlsContext != null) {
            builder.sslContext(tlsContext);
        } else if (!tls) {
            builder.sslContext(untrusting());
        }
        return builder.build();
    }

    /**
     * Never used for a connection: without it the client builds the JDK's default SSL context, which parses the
     * whole CA certificate store (megabytes of heap) for an agent that may never speak TLS.
     */
    private static SSLContext untrusting() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[0], new TrustManager[0], null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JVM", e);
        }
    }
}
