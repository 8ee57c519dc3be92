package io.eurekaagent.client;

import io.eurekaagent.config.ServiceUrl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A server's answer: the status code, the body (bounded in size, as received) and which server it was. */
public final class EurekaResponse {
    /** The most a registry answer may unzip to: ~50,000 instances; a bound on parsing time, it is never held whole. */
    public static final long UNZIPPED_LIMIT = 64L * 1024 * 1024;

    private final int status;
    private final byte[] body;
    private final boolean gzipped;
    private final ServiceUrl server;

    public EurekaResponse(int status, byte[] body, boolean gzipped, ServiceUrl server) {
        this.status = status;
        this.body = body;
        this.gzipped = gzipped;
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
        byte[] start;
        try (InputStream in = content()) {
            start = in.readNBytes(LimitedBody.LIMIT);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
        return new String(start, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
    }

    /** The bytes of the body as received (gzipped or not), at most the limit the call was made with. */
    public int size() {
        return body.length;
    }

    /** The body, unzipped as it is read when it came gzipped; reading past {@link #UNZIPPED_LIMIT} throws. */
    public InputStream content() throws IOException {
        return gzipped ? Gzip.open(body, UNZIPPED_LIMIT) : new ByteArrayInputStream(body);
    }

    public ServiceUrl server() {
        return server;
    }
}
