package io.eurekaagent.client;

import java.nio.charset.StandardCharsets;

/** A server's answer: the status code, the body (bounded in size) and which server it was. */
public final class EurekaResponse {
    private final int status;
    private final byte[] body;
    private final ServiceUrl server;

    EurekaResponse(int status, byte[] body, ServiceUrl server) {
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

    /** The start of the body on one line, for messages (at most {@link LimitedBody#LIMIT} bytes). */
    public String body() {
        String text = new String(body, 0, Math.min(body.length, LimitedBody.LIMIT), StandardCharsets.UTF_8);
        return text.replaceAll("\\s+", " ").trim();
    }

    /** The whole body as received (gzip already decoded). */
    public byte[] bytes() {
        return body;
    }

    public ServiceUrl server() {
        return server;
    }
}
