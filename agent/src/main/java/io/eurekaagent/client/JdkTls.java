package io.eurekaagent.client;

import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** The TLS contexts the transports use when {@code eureka.client.tls.*} sets none. */
final class JdkTls {
    private JdkTls() {
    }

    /**
     * The JDK's trust store and key managers in a context of the agent's own: not {@code SSLContext.getDefault()} or
     * {@code HttpsURLConnection}'s default factory, which an app may have replaced with a trust-everything one.
     */
    static SSLContext defaults() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, null);
        return context;
    }

    /**
     * For {@code java.net.http.HttpClient} when every server is plain http, never used for a connection: without it
     * the client builds the JDK's default context, which parses the whole CA store (megabytes of heap) for nothing.
     */
    static SSLContext untrusting() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[0], new TrustManager[0], null);
        return context;
    }
}
