package io.eurekaagent.discovery;

import io.eurekaagent.client.EurekaClient;
import io.eurekaagent.client.EurekaResponse;
import io.eurekaagent.client.EurekaUnavailableException;
import io.eurekaagent.log.AgentLog;
import io.eurekaagent.log.FailureStreak;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * go-kit's sd/eureka Instancer, as the Netflix client does it: the full registry once, then {@code GET /apps/delta}
 * every
 * interval, applied in order and checked against the server's {@code apps__hashcode}; a mismatch, a refused delta or
 * an unreadable answer means a full fetch. A failed fetch keeps the last good registry (stale beats empty), and the
 * next waits longer.
 */
public final class RegistryCache implements Runnable, RegistrySource {
    static final int MOST_INTERVALS_BETWEEN_TRIES = 10;
    private volatile EurekaClient client;
    private final Duration interval;
    private final RegistryLimits limits;
    private volatile Registry registry = Registry.EMPTY;
    private volatile boolean fetched;
    private volatile String lastFailure;
    private volatile long fetchedAtMillis;
    private final CountDownLatch firstAttempt = new CountDownLatch(1);
    private final Clock clock;
    private final FailureStreak failures = new FailureStreak("registry fetch works again");
    private int failedInARow;

    /** Made before its client (the service-name hook needs it before the agent's HTTP transport exists). */
    public RegistryCache(Duration interval, RegistryLimits limits, Clock clock) {
        this.interval = interval;
        this.limits = limits;
        this.clock = clock;
    }

    /** The client the fetches go through; set before {@link #run}. */
    public RegistryCache fetchingFrom(EurekaClient eurekaClient) {
        this.client = eurekaClient;
        return this;
    }

    @Override
    public Registry registry() {
        return registry;
    }

    @Override
    public boolean awaitFirstFetch(Duration timeout) {
        try {
            firstAttempt.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return fetched;
    }

    /** When the registry was last read (whole or a delta), ms since the epoch; 0 before. */
    public long fetchedAtMillis() {
        return fetchedAtMillis;
    }

    @Override
    public String lastFailure() {
        return lastFailure;
    }

    /** The fetch loop, on the agent's discovery thread (a daemon: it ends with the JVM). */
    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            Duration wait = refresh();
            try {
                TimeUnit.NANOSECONDS.sleep(wait.toNanos());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * One step: a full fetch the first time (and after any doubt), else a delta. Nothing it meets ends the thread:
     * an OutOfMemoryError drops what was being read (the last good registry stays), a later step tries again.
     * @return how long until the next step: the interval; after failures twice as long each time, at most
     *     {@value #MOST_INTERVALS_BETWEEN_TRIES} intervals (the Netflix client's bound), so that an answer refused
     *     (too large, unzipping past the cap, unreadable) is not fetched and unpacked again every interval
     */
    Duration refresh() {
        try {
            if (!fetched || !applyDelta()) {
                fetchAll();
            }
            lastFailure = null;
            failures.succeeded();
            failedInARow = 0;
            fetchedAtMillis = clock.millis();
        } catch (EurekaUnavailableException | IOException e) {
            failed(e.getMessage());
        } catch (RuntimeException | Error e) {
            failed("unexpected " + e);
        } finally {
            firstAttempt.countDown();
        }
        return interval.multipliedBy(Math.min(MOST_INTERVALS_BETWEEN_TRIES, 1L << Math.min(failedInARow, 10)));
    }

    private void failed(String why) {
        failedInARow++;
        lastFailure = LocalTime.now(clock).truncatedTo(ChronoUnit.SECONDS) + " (" + why + ")";
        failures.failed("registry fetch", why + "; keeping the last registry (" + registry.size() + " instances)");
    }

    private void fetchAll() throws EurekaUnavailableException, IOException {
        registry = fetchWhole(client, limits);
        fetched = true;
        AgentLog.debug("registry fetched: " + registry.size() + " instances");
    }

    /** {@code GET /apps} through the client's failover; an error answer is a failure (also the command line's read). */
    public static Registry fetchWhole(EurekaClient client, RegistryLimits limits)
            throws EurekaUnavailableException, IOException {
        EurekaResponse response = client.fetch("/apps", limits.answerBytes() + 1);
        if (!response.isSuccess()) {
            throw new IOException("HTTP " + response.status() + " from " + response.server());
        }
        return Registry.of(read(response, limits).instances());
    }

    /** One byte past the limit is asked for, so that an answer cut at the limit is told from one that fits. */
    private static RegistryDocument read(EurekaResponse response, RegistryLimits limits) throws IOException {
        if (response.size() > limits.answerBytes()) {
            throw new IOException("the answer from " + response.server() + " is larger than "
                    + limits.answerBytes() / 1024 / 1024 + " MB, the most a registry may take at this heap size");
        }
        RegistryDocument document;
        try (InputStream content = response.content()) {
            document = RegistryDocument.parse(content, limits.instances());
        } catch (IOException e) {
            throw new IOException("unreadable answer from " + response.server() + " (" + e.getMessage() + ")", e);
        }
        if (document.uncallable() > 0) {
            AgentLog.debug(document.uncallable()
                    + " registry entries never handed to callers: no valid host or port, or a" + " link-local address");
        }
        return document;
    }

    /** False when the delta cannot be trusted and a full fetch is needed. */
    private boolean applyDelta() throws EurekaUnavailableException {
        EurekaResponse response = client.fetch("/apps/delta", limits.answerBytes() + 1);
        if (!response.isSuccess()) {
            AgentLog.debug("delta refused (HTTP " + response.status() + "); fetching the whole registry");
            return false;
        }
        RegistryDocument delta;
        try {
            delta = read(response, limits);
        } catch (IOException e) {
            AgentLog.debug("unreadable delta (" + e.getMessage() + "); fetching the whole registry");
            return false;
        }
        Registry next = registry.apply(delta.instances());
        if (!next.hashCodeOfStatuses().equals(delta.appsHashCode())) {
            AgentLog.debug("registry hash " + next.hashCodeOfStatuses() + " after the delta, server's "
                    + delta.appsHashCode() + "; fetching the whole registry");
            return false;
        }
        registry = next;
        return true;
    }
}
