package io.eurekaagent.client;

/** A server's answer: the status code, the start of the body (for error messages) and which server it was. */
public final class EurekaResponse {
    private final int status;
    private final String body;
    private final ServiceUrl server;

    EurekaResponse(int status, String body, ServiceUrl server) {
        this.status = status;
        this.body = body;
        this.server = server;
    }

    public int status() {
        return status;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** At most {@link LimitedBody#LIMIT} bytes of the body, on one line. */
    public String body() {
        return body;
    }

    public ServiceUrl server() {
        return server;
    }
}
