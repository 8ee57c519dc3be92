package io.eurekaagent.config;

import io.eurekaagent.log.AgentLog;
import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code eureka.client.proxy-host}, {@code proxy-port}, {@code proxy-user-name}, {@code proxy-password} (Spring Cloud's
 * names): the one HTTP proxy the calls to the Eureka servers go through. Only those: the health check of the app's own
 * URL goes direct. The app's proxy settings are never used.
 */
public final class EurekaProxy {
    private final String host;
    private final int port;
    private final String user;
    private final char[] password;
    private final Set<String> servers = new HashSet<>();

    /** @param user null when the proxy needs no login */
    public EurekaProxy(String host, int port, String user, String password, List<ServiceUrl> eurekaServers) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password == null ? new char[0] : password.toCharArray();
        for (ServiceUrl server : eurekaServers) {
            servers.add(authority(server.uri()));
        }
    }

    private static String authority(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** The proxy for a call to {@code uri}: this one for a Eureka server, none for anything else. */
    public Proxy proxyFor(URI uri) {
        return servers.contains(authority(uri))
                ? new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port))
                : Proxy.NO_PROXY;
    }

    /**
     * {@code Basic ...} for a plain-http call through this proxy, sent with the request: HttpURLConnection cannot
     * answer a 407 with a body it already streamed. Null without a login. (Never on https: inside the tunnel it would
     * reach the Eureka server.)
     */
    public String preemptiveLogin() {
        if (user == null) {
            return null;
        }
        String token = Base64.getEncoder()
                .encodeToString((user + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
        AgentLog.addSecret(token);
        return "Basic " + token;
    }

    /** {@code host:port} when a call to {@code uri} goes through this proxy, else null. */
    public String nameFor(URI uri) {
        return proxyFor(uri) == Proxy.NO_PROXY ? null : toString();
    }

    /** For {@code java.net.http.HttpClient}. */
    public ProxySelector selector() {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(proxyFor(uri));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                // the call fails and moves on to the next server, as for any connection error
            }
        };
    }

    /** Answers this proxy's 407 with the configured login; never a server's 401. */
    public Authenticator authenticator() {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                boolean ours = getRequestorType() == RequestorType.PROXY && host.equalsIgnoreCase(getRequestingHost())
                        && port == getRequestingPort();
                return ours && user != null ? new PasswordAuthentication(user, password.clone()) : null;
            }
        };
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
