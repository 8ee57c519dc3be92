package io.eurekaagent.discovery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * An HttpClient request to a service name, pointed at one instance: the app's own request with another URI. A view,
 * not a copy (copying through the builder would cost more than all the rest of the rewrite), and it remembers the
 * service, so that a refused connection can go to the next instance ({@link ConnectRetry}).
 */
final class ServiceRequest extends HttpRequest {
    private final HttpRequest original;
    private final URI uri;
    private final String service;

    ServiceRequest(HttpRequest original, URI uri, String service) {
        this.original = original;
        this.uri = uri;
        this.service = service;
    }

    String service() {
        return service;
    }

    /** The app's request this one stands for. */
    HttpRequest original() {
        return original;
    }

    @Override
    public Optional<BodyPublisher> bodyPublisher() {
        return original.bodyPublisher();
    }

    @Override
    public String method() {
        return original.method();
    }

    @Override
    public Optional<Duration> timeout() {
        return original.timeout();
    }

    @Override
    public boolean expectContinue() {
        return original.expectContinue();
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public Optional<HttpClient.Version> version() {
        return original.version();
    }

    @Override
    public HttpHeaders headers() {
        return original.headers();
    }
}
