package io.eurekaagent.discovery;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the name hook calls for each {@link URL} opened and each {@link HttpRequest} sent: {@code http://orders/x}
 * becomes {@code http://<an UP instance>:<its port>/x}. Left alone: hosts with a dot, a port, {@code localhost},
 * and names the registry does not know but DNS does. A name neither knows fails as an unknown host, saying so.
 */
final class ServiceUrlRewriter implements UnaryOperator<Object> {
    private final ServiceResolver resolver;

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
                return uri == null ? request : copy(request, uri);
            }
            return target;
        } catch (UnknownHostException e) {
            return e;
        } catch (Exception e) {
            // Not a URI we understand (odd characters): the JDK handles it as it always did.
            return target;
        }
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
