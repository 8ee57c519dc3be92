package io.eurekaagent.health;

import io.eurekaagent.client.Transport;
import io.eurekaagent.config.Status;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * One look at the app's health URL, as Spring Cloud's {@code eureka.client.healthcheck.enabled} does with the
 * actuator: 2xx is UP; any other answer, a timeout or a refused connection is DOWN.
 */
public final class HealthCheck {
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(5);
    private static final Map<String, String> ACCEPT_JSON = Map.of("Accept", "application/json");
    private static final Duration QUICK_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration QUICK_FIRST = Duration.ofMillis(250);
    private static final Duration QUICK_NEXT = Duration.ofMillis(500);
    private static final int QUICK_CHECKS = 240;

    private final Transport transport;
    private final URI url;
    private final Duration interval;
    private final Duration timeout;
    private String lastOutcome = "";
    private int startingChecks;

    /** Checks every {@code interval}; a check gets the interval or 5 s, whichever is shorter. */
    public HealthCheck(Transport transport, URI url, Duration interval) {
        this.transport = transport;
        this.url = url;
        this.interval = interval;
        this.timeout = interval.compareTo(MAX_TIMEOUT) < 0 ? interval : MAX_TIMEOUT;
    }

    /**
     * How long until the next check. While the app is starting, quickly (250 ms, then every 500 ms for up to two
     * minutes), so it turns UP within a second of its first healthy answer, not a renewal interval later; then the
     * configured interval.
     */
    public Duration nextCheckIn(boolean starting) {
        if (!starting || startingChecks >= QUICK_CHECKS) {
            return interval;
        }
        startingChecks++;
        Duration quick = startingChecks == 1 ? QUICK_FIRST : QUICK_NEXT;
        return quick.compareTo(interval) < 0 ? quick : interval;
    }

    /**
     * @param starting while the app starts, a check waits at most 1 s: it runs on the heartbeat thread, and an app
     *     server holding requests until its boot completes (WildFly) would otherwise delay the registration
     */
    public Status check(boolean starting) {
        Duration wait = starting && timeout.compareTo(QUICK_TIMEOUT) > 0 ? QUICK_TIMEOUT : timeout;
        try {
            int status = transport.send("GET", url, ACCEPT_JSON, null, wait, 0).status();
            lastOutcome = "HTTP " + status;
            return status >= 200 && status < 300 ? Status.UP : Status.DOWN;
        } catch (IOException | TimeoutException | RuntimeException e) {
            lastOutcome = e.toString();
        }
        return Status.DOWN;
    }

    /** What the last check saw, for the log line of a status change. */
    public String lastOutcome() {
        return lastOutcome;
    }

    public URI url() {
        return url;
    }
}
