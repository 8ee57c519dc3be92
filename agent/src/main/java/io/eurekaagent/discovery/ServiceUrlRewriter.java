package io.eurekaagent.discovery;

import io.eurekaagent.threads.AgentThreads;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * What the name hook calls for each {@link URL} opened and each {@link HttpRequest} sent: {@code http://orders/x}
 * becomes {@code http://<an UP instance>:<its port>/x}. Left alone: hosts with a dot, a port, {@code localhost},
 * and names the registry does not know but DNS does. A name neither knows fails as an unknown host, saying so.
 */
final class ServiceUrlRewriter implements UnaryOperator<Object> {
    private static final URI ROOT = URI.create("/");
    private final ServiceResolver resolver;
    /** {@code host:port} of each plain-http instance handed out -> its service, for {@link #elsewhere}. */
    private final Map<String, String> services = new ConcurrentHashMap<>();

    ServiceUrlRewriter(ServiceResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Object apply(Object target) {
        // The agent's own calls (a Eureka server at http://eureka/eureka/ is registered as EUREKA) go where they say.
        if (AgentThreads.isAgentThread()) {
            return target;
        }
        try {
            if (target instanceof URL) {
                return rewrite((URL) target);
            }
            if (target instanceof HttpRequest) {
                HttpRequest request = (HttpRequest) target;
                URI uri = request.uri();
                if (!mayBeService(uri.getScheme(), uri.getHost(), uri.getPort())) {
                    return request;
                }
                RegisteredInstance instance = choose(uri.getHost());
                return instance == null ? request : new ServiceRequest(request, at(uri, instance), uri.getHost());
            }
            return target;
        } catch (UnknownHostException e) {
            // As the JDK's own HttpClient reports an unknown host: a ConnectException, so that send (which rewraps a
            // failed future's ConnectException as one) and sendAsync fail with the same type and message.
            return target instanceof HttpRequest ? (Throwable) new ConnectException(e.getMessage()).initCause(e) : e;
        } catch (Exception e) {
            // Not a URI we understand (odd characters): the JDK handles it as it always did.
            return target;
        }
    }

    /**
     * A URL is rebuilt from its parts: no URI parsing (unless it has user info), which would cost more than the rest.
     */
    private Object rewrite(URL url) throws IOException, URISyntaxException {
        if (!mayBeService(url.getProtocol(), url.getHost(), url.getPort())) {
            return url;
        }
        RegisteredInstance instance = choose(url.getHost());
        if (instance == null) {
            return url;
        }
        if (url.getUserInfo() != null) {
            return at(url.toURI(), instance).toURL();
        }
        return new URL(
                url.getProtocol(),
                instance.hostName(),
                instance.portFor("https".equalsIgnoreCase(url.getProtocol())),
                url.getFile());
    }

    /** {@code uri} pointed at {@code instance}: scheme, user info, path, query and fragment kept as they were. */
    private static URI at(URI uri, RegisteredInstance instance) {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        String path = uri.getRawPath();
        if (uri.getRawUserInfo() == null
                && path != null
                && path.startsWith("/")
                && path.indexOf("//") < 0
                && path.indexOf("/.") < 0) {
            // Path, query and fragment moved onto the instance's root without parsing text (parsing is ~1 us, most of a
            // rewrite). relativize and resolve normalize "." and ".." segments and "//", hence only for paths without
            // them.
            return instance.root(https).resolve(uri.resolve(ROOT).relativize(uri));
        }
        StringBuilder text = new StringBuilder(uri.getScheme()).append("://");
        if (uri.getRawUserInfo() != null) {
            text.append(uri.getRawUserInfo()).append('@');
        }
        String host = instance.hostName().indexOf(':') >= 0 ? "[" + instance.hostName() + "]" : instance.hostName();
        text.append(host)
                .append(':')
                .append(instance.portFor(https))
                .append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            text.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            text.append('#').append(uri.getRawFragment());
        }
        return URI.create(text.toString());
    }

    /** http or https, no port, a single label: only such a URL can name a service. */
    private static boolean mayBeService(String scheme, String host, int port) {
        return port == -1 && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                && ServiceResolver.mayBeServiceName(host);
    }

    /** An UP instance of the service, or null for a name DNS knows; a name neither knows is an UnknownHostException. */
    private RegisteredInstance choose(String host) throws UnknownHostException {
        RegisteredInstance instance = resolver.choose(host);
        if (instance == null) {
            try {
                InetAddress.getByName(host);
                return null;
            } catch (UnknownHostException e) {
                throw new UnknownHostException(resolver.whyUnknown(host));
            }
        }
        services.putIfAbsent(instance.plainAddress(), host);
        return instance;
    }

    /**
     * The same request to another instance of its service, once, after its connection was refused; null when it
     * carries a body (it might not be sendable twice) or the service has no other UP instance.
     */
    HttpRequest another(ServiceRequest refused) throws UnknownHostException {
        boolean hasBody = refused.bodyPublisher().isPresent() && refused.bodyPublisher().get().contentLength() != 0;
        if (hasBody) {
            return null;
        }
        URI uri = refused.uri();
        RegisteredInstance next =
                other(refused.service(), uri.getHost(), uri.getPort(), "https".equalsIgnoreCase(uri.getScheme()));
        // The app's own request again, at the next instance: not a ServiceRequest, so never retried a second time.
        return next == null ? null : new ServiceRequest(refused.original(), at(refused.original().uri(), next), null);
    }

    /**
     * Where HttpURLConnection should connect instead after {@code host:port} refused, if that was a plain-http
     * instance handed out for a service and another is UP; else null. (With https the certificate is for the URL's
     * host, so it is not moved.)
     */
    InetSocketAddress elsewhere(String host, int port) throws UnknownHostException {
        String service = services.get(RegisteredInstance.address(host, port));
        RegisteredInstance next = service == null ? null : other(service, host, port, false);
        return next == null ? null : InetSocketAddress.createUnresolved(next.hostName(), next.portFor(false));
    }

    /** The next instance of the service in turn that is not {@code host:port}, or null. */
    private RegisteredInstance other(String service, String host, int port, boolean https) throws UnknownHostException {
        for (int tries = 0; tries < 3; tries++) {
            RegisteredInstance next = resolver.choose(service);
            if (next == null) {
                return null;
            }
            if (!next.hostName().equalsIgnoreCase(host) || next.portFor(https) != port) {
                return next;
            }
        }
        return null;
    }
}
