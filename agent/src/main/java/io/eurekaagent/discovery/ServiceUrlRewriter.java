package io.eurekaagent.discovery;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * What the name hook calls for each {@link URL} opened and each {@link HttpRequest} sent: {@code http://orders/x}
 * becomes {@code http://<an UP instance>:<its port>/x}. Left alone: hosts with a dot, a port, {@code localhost},
 * and names the registry does not know but DNS does. A name neither knows fails as an unknown host, saying so.
 */
final class ServiceUrlRewriter implements UnaryOperator<Object> {
    private final ServiceResolver resolver;
    /** HttpClient requests this rewriter made, and the service each was for: the ones {@link #another} may retry. */
    private final Map<HttpRequest, String> rewritten = Collections.synchronizedMap(new WeakHashMap<>());
    /** {@code host:port} of each plain-http instance handed out -> its service, for {@link #elsewhere}. */
    private final Map<String, String> services = new ConcurrentHashMap<>();

    ServiceUrlRewriter(ServiceResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Object apply(Object target) {
        try {
            if (target instanceof URL) {
                URL url = (URL) target;
                URI uri = rewrite(url.toURI());
                return uri == null ? url : uri.toURL();
            }
            if (target instanceof HttpRequest) {
                HttpRequest request = (HttpRequest) target;
                URI uri = rewrite(request.uri());
                if (uri == null) {
                    return request;
                }
                HttpRequest copy = copy(request, uri);
                rewritten.put(copy, request.uri().getHost());
                return copy;
            }
            return target;
        } catch (UnknownHostException e) {
            return e;
        } catch (Exception e) {
            // Not a URI we understand (odd characters): the JDK handles it as it always did.
            return target;
        }
    }

    boolean madeByUs(HttpRequest request) {
        return rewritten.containsKey(request);
    }

    /**
     * The same request to another instance of the service, once, after its connection was refused; null when it was
     * not ours, carries a body (it might not be sendable twice) or the service has no other UP instance.
     */
    HttpRequest another(HttpRequest refused) throws UnknownHostException {
        String service = rewritten.remove(refused);
        boolean hasBody = refused.bodyPublisher().isPresent() && refused.bodyPublisher().get().contentLength() != 0;
        if (service == null || hasBody) {
            return null;
        }
        URI uri = refused.uri();
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        RegisteredInstance next = other(service, uri.getHost(), uri.getPort(), https);
        try {
            return next == null ? null : copy(refused, new URI(uri.getScheme(), uri.getUserInfo(), next.hostName(),
                    next.portFor(https), uri.getPath(), uri.getQuery(), uri.getFragment()));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * Where HttpURLConnection should connect instead after {@code host:port} refused, if that was a plain-http
     * instance handed out for a service and another is UP; else null. (With https the certificate is for the URL's
     * host, so it is not moved.)
     */
    InetSocketAddress elsewhere(String host, int port) throws UnknownHostException {
        String service = services.get(host + ":" + port);
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

    /** The URI pointed at an instance, or null to leave it alone. */
    private URI rewrite(URI uri) throws UnknownHostException, URISyntaxException {
        String host = uri.getHost();
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (!https && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getPort() != -1 || !ServiceResolver.mayBeServiceName(host)) {
            return null;
        }
        RegisteredInstance instance = resolver.choose(host);
        if (instance == null) {
            try {
                InetAddress.getByName(host);
                return null;
            } catch (UnknownHostException e) {
                throw new UnknownHostException(host + ": not a known host, and no instance of that name is registered in Eureka");
            }
        }
        if (!https) {
            services.put(instance.hostName() + ":" + instance.portFor(false), host);
        }
        return new URI(uri.getScheme(), uri.getRawUserInfo() == null ? null : uri.getUserInfo(), instance.hostName(),
                instance.portFor(https), uri.getPath(), uri.getQuery(), uri.getFragment());
    }

    /** The same request to another URI (JDK 11 has no copying builder). */
    private static HttpRequest copy(HttpRequest request, URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .method(request.method(), request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()))
                .expectContinue(request.expectContinue());
        request.timeout().ifPresent(builder::timeout);
        request.version().ifPresent(builder::version);
        for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        return builder.build();
    }
}
