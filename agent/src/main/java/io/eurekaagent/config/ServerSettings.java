package io.eurekaagent.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** The Eureka servers and how the agent talks to them: order, timeouts, quarantine, transport, TLS, proxy. */
public final class ServerSettings {
    private List<ServiceUrl> serviceUrls;
    private Duration serverQuarantine;
    private Duration connectTimeout;
    private Duration readTimeout;
    private TransportKind httpClient;
    private SSLContext tlsContext;
    private EurekaProxy proxy;

    private ServerSettings() {
    }

    /** @param metadata the instance's metadata: its {@code zone} orders the servers */
    static ServerSettings read(SettingReader r, Map<String, String> metadata) {
        ServerSettings s = new ServerSettings();
        s.connectTimeout = timeout(r, Catalog.TIMEOUT_CONNECT, Catalog.CONNECT_TIMEOUT);
        s.readTimeout = timeout(r, Catalog.TIMEOUT_SOCKET, Catalog.READ_TIMEOUT);
        s.serverQuarantine = Duration.ofSeconds(r.get(Catalog.SERVER_QUARANTINE));
        s.httpClient = r.get(Catalog.HTTP_CLIENT);
        // TlsSettings only when a TLS key is set: loading and verifying it costs premain milliseconds.
        s.tlsContext = r.isSet(Catalog.TLS_ENABLED) || r.isSet(Catalog.TLS_KEY_STORE)
                || r.isSet(Catalog.TLS_TRUST_STORE) ? TlsSettings.read(r) : null;
        s.serviceUrls = ServerOrder.read(r, metadata);
        s.proxy = proxy(r, s.serviceUrls);
        return s;
    }

    /**
     * Spring Cloud 4+'s transport reads {@code eureka.client.timeout.*} (milliseconds) and no longer the older
     * {@code *-timeout-seconds}: a user who set the new one means it.
     */
    private static Duration timeout(SettingReader r, Key<Integer> millis, Key<Integer> seconds) {
        Duration older = Duration.ofSeconds(r.get(seconds));
        Integer newer = r.get(millis);
        return newer == null ? older : Duration.ofMillis(newer);
    }

    /** Spring Cloud's proxy of the calls to Eureka: host and port together, a login optional; null when unset. */
    private static EurekaProxy proxy(SettingReader r, List<ServiceUrl> servers) {
        String host = r.get(Catalog.PROXY_HOST);
        int port = r.get(Catalog.PROXY_PORT);
        Setting user = r.raw(Catalog.PROXY_USER_NAME);
        Setting password = r.raw(Catalog.PROXY_PASSWORD);
        boolean hostSet = r.isSet(Catalog.PROXY_HOST);
        boolean portSet = r.isSet(Catalog.PROXY_PORT);
        if (hostSet && host == null || portSet && port == 0) {
            return null;
        }
        if (hostSet != portSet) {
            r.problem(r.firstSet(Catalog.PROXY_HOST, Catalog.PROXY_PORT),
                    "both eureka.client.proxy-host and eureka.client.proxy-port, or neither");
            return null;
        }
        if (!hostSet) {
            return null;
        }
        return new EurekaProxy(
                host, port, user == null ? null : user.value(), password == null ? null : password.value(), servers);
    }

    /** In the order to prefer them: same zone first (see {@link ServerOrder}). */
    public List<ServiceUrl> serviceUrls() { return serviceUrls; }
    /** How long a server that failed is set aside before the agent tries it again. */
    public Duration serverQuarantine() { return serverQuarantine; }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration readTimeout() { return readTimeout; }
    /** Which of the JDK's HTTP clients the agent's own calls go through. */
    public TransportKind httpClient() { return httpClient; }
    /** The custom key and trust material of {@code eureka.client.tls.*}, or null for the JDK's defaults. */
    public SSLContext tlsContext() { return tlsContext; }
    /** The proxy of the calls to Eureka, or null for none. */
    public EurekaProxy proxy() { return proxy; }
}
