package io.eurekaagent.lifecycle;

import io.eurekaagent.client.Transport;
import io.eurekaagent.instance.InstanceInfo;
import io.eurekaagent.log.AgentLog;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * One look at a page registered as the status page for want of a framework's, the home page, once the instance is
 * registered (before, the app's first request, cold, would delay the registration). A dead link on the Eureka
 * dashboard is worse than none, so a page that is not there (404, 410) is dropped and the instance sent again; one
 * that refuses, wants a login, or gives no answer in three looks (2, 4 and 8 s) stays.
 */
public final class PageCheck implements Runnable {
    /** The first look's timeout; each look after a timeout waits twice as long, up to the last's. */
    private static final Duration FIRST_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration LAST_TIMEOUT = Duration.ofSeconds(8);

    private final Transport transport;
    private final URI page;
    private final Registrar registrar;
    private final InstanceInfo instance;

    /** @param page the status page, on loopback */
    public PageCheck(Transport transport, URI page, Registrar registrar, InstanceInfo instance) {
        this.transport = transport;
        this.page = page;
        this.registrar = registrar;
        this.instance = instance;
    }

    @Override
    public void run() {
        int status;
        try {
            if (!registrar.awaitFirstRegistration()) {
                return;
            }
            status = look();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (IOException | TimeoutException | RuntimeException e) {
            AgentLog.debug("status page kept: " + page + " did not answer (" + e + ")");
            return;
        }
        if (status == 404 || status == 410) {
            AgentLog.info("status page left out: the app's home page " + page.getRawPath() + " answers HTTP " + status
                    + " (set eureka.instance.status-page-url-path to a page of the app)");
            instance.dropStatusPage();
            registrar.instanceChanged();
        }
    }

    /**
     * The page's status, looking again with a longer timeout after a timeout: a cold app's first answer on a loaded
     * machine took more than 2 s (a Vert.x app beside a second test run).
     */
    private int look() throws IOException, TimeoutException {
        for (Duration timeout = FIRST_TIMEOUT; ; timeout = timeout.multipliedBy(2)) {
            try {
                return transport.send("GET", page, Map.of(), null, timeout, 0).status();
            } catch (TimeoutException e) {
                if (timeout.compareTo(LAST_TIMEOUT) >= 0) {
                    throw e;
                }
            }
        }
    }
}
