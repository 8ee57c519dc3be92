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
 * that is slow, refuses, or wants a login stays.
 */
public final class PageCheck implements Runnable {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

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
            status = transport.send("GET", page, Map.of(), null, TIMEOUT, 0).status();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (IOException | TimeoutException | RuntimeException e) {
            return;
        }
        if (status == 404 || status == 410) {
            AgentLog.info("status page left out: the app's home page " + page.getRawPath() + " answers HTTP " + status
                    + " (set eureka.instance.status-page-url-path to a page of the app)");
            instance.dropStatusPage();
            registrar.instanceChanged();
        }
    }
}
