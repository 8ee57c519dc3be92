package io.eurekaagent.lifecycle;

import io.eurekaagent.client.EurekaCalls;
import io.eurekaagent.client.EurekaResponse;
import io.eurekaagent.client.EurekaUnavailableException;
import io.eurekaagent.health.HealthCheck;
import io.eurekaagent.instance.InstanceInfo;
import io.eurekaagent.config.Status;
import io.eurekaagent.log.AgentLog;
import io.eurekaagent.log.FailureStreak;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps one instance registered, as go-kit's sd/eureka Registrar does: register, renew every interval, register
 * again when the server answers 404 (it restarted empty, or expired us), and deregister once on shutdown. With a
 * health check, the status follows the app's health: each change is pushed at once by registering again with a
 * newer lastDirtyTimestamp, within {@link PushLimiter}'s budget.
 * Every server call holds {@link #lock}, so a deregistration never overtakes a registration still in flight.
 */
public final class Registrar {
    private enum State { UNREGISTERED, REGISTERING, REGISTERED }

    private final Duration firstRetry;
    private final DoubleSupplier random;
    private final LoopClock clock;
    private final boolean changesAtOnce;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closing;
    private volatile State state = State.UNREGISTERED;
    private volatile EurekaCalls client;
    private volatile InstanceInfo instance;
    private Status pushedStatus;
    private int pushedRevision = -1;
    private boolean registeredBefore;
    private long readySinceNanos;
    private final FailureStreak failures = new FailureStreak("Eureka answers again");
    /** For operators (the agent's MBean): wall-clock times, 0 before the first; the server that answered last. */
    private volatile long registeredAtMillis;
    private volatile long renewedAtMillis;
    private volatile String server;
    private final CountDownLatch firstRegistration = new CountDownLatch(1);

    /** @param changesAtOnce a change (status, status page) is sent at once; false: with the next heartbeat */
    public Registrar(boolean changesAtOnce) {
        this(Duration.ofSeconds(1), new DoubleSupplier() {
            @Override
            public double getAsDouble() {
                return ThreadLocalRandom.current().nextDouble();
            }
        }, new LoopClock.Wall(), changesAtOnce);
    }

    /**
     * @param firstRetry the first back-off step after a failed registration; it doubles up to the renewal interval
     * @param random the back-off's jitter source, uniform in [0, 1)
     * @param clock the time the loop reads and sleeps by
     * @param changesAtOnce as Spring Cloud's {@code on-demand-update-status-change}: false sends a change in place of
     *     the next heartbeat (a registration renews the lease too)
     */
    Registrar(Duration firstRetry, DoubleSupplier random, LoopClock clock, boolean changesAtOnce) {
        this.firstRetry = firstRetry;
        this.random = random;
        this.clock = clock;
        this.changesAtOnce = changesAtOnce;
    }

    public boolean isClosing() {
        return closing;
    }

    public boolean isRegistered() {
        return state == State.REGISTERED;
    }

    /** When the instance was last registered (not a status push), ms since the epoch; 0 before. */
    public long registeredAtMillis() {
        return registeredAtMillis;
    }

    /** When the last heartbeat was accepted, ms since the epoch; 0 before the first. */
    public long renewedAtMillis() {
        return renewedAtMillis;
    }

    /** The Eureka server that answered last; null before any. */
    public String server() {
        return server;
    }

    /** The instance being kept registered; null before {@link #run}. */
    public InstanceInfo instance() {
        return instance;
    }

    public FailureStreak failures() {
        return failures;
    }

    /** Whether the instance is registered, or its registration under way. */
    public boolean isInEureka() {
        return state != State.UNREGISTERED;
    }

    /**
     * The heartbeat loop, on the agent's thread, until {@link #deregister} is called.
     * @param health null without {@code eureka.client.healthcheck.enabled}
     * @param readyNanos when the app became ready (System.nanoTime), for the first registration's log line
     */
    public void run(EurekaCalls eurekaClient, InstanceInfo registered, HealthCheck health, long readyNanos) {
        this.client = eurekaClient;
        this.instance = registered;
        this.readySinceNanos = readyNanos;
        long interval = TimeUnit.SECONDS.toNanos(registered.renewalIntervalSeconds());
        Backoff backoff = new Backoff(firstRetry, Duration.ofNanos(interval), random);
        while (!closing) {
            try {
                beat(registered, health, interval, backoff);
            } catch (RuntimeException | Error e) {
                // Whatever the HTTP stack or an app's hook throws (an ExceptionInInitializerError of a JDK class the
                // app broke, too), this thread is the registration: it must go on.
                failed("heartbeat", "unexpected " + e);
                sleepUntil(clock.nanoTime() + backoff.next().toNanos());
            }
        }
    }

    private void beat(InstanceInfo registered, HealthCheck health, long interval, Backoff backoff) {
        long now = clock.nanoTime();
        PushLimiter pushes = new PushLimiter(now);
        long nextBeat = now;
        long nextHealthCheck = now;
        long retryAt = now;
        while (!closing) {
            now = clock.nanoTime();
            if (health != null && now - nextHealthCheck >= 0) {
                observe(health);
                nextHealthCheck = now + health.nextCheckIn(instance.status() == Status.STARTING).toNanos();
            }
            if (state != State.REGISTERED) {
                if (now - retryAt >= 0) {
                    if (register()) {
                        nextBeat = now + interval;
                        backoff.reset();
                    } else {
                        retryAt = now + backoff.next().toNanos();
                    }
                }
            } else if (pushPending() && (changesAtOnce || now - nextBeat >= 0) && pushes.tryAcquire(now)) {
                registered.markDirty();
                retryAt = now;
                nextBeat = changesAtOnce ? nextBeat : now + interval;
                register();
            } else if (now - nextBeat >= 0) {
                // A failed renewal is retried at the next beat; a 404 means register again now.
                nextBeat = now + interval;
                if (!renew()) {
                    retryAt = now;
                    continue;
                }
            }
            long wakeAt = state == State.REGISTERED ? nextBeat : retryAt;
            if (health != null) {
                wakeAt = Math.min(wakeAt, nextHealthCheck);
            }
            if (pushPending() && changesAtOnce) {
                wakeAt = Math.min(wakeAt, pushes.nextTokenAt(now));
            }
            sleepUntil(wakeAt);
        }
    }

    /** Registered, but with a change (status, status page) the server has not been sent yet. */
    private boolean pushPending() {
        return state == State.REGISTERED && instance.revision() != pushedRevision;
    }

    /** Waits until the instance has been registered once; false when the JVM shuts down first. */
    public boolean awaitFirstRegistration() throws InterruptedException {
        while (!firstRegistration.await(1, TimeUnit.SECONDS)) {
            if (closing) {
                return false;
            }
        }
        return true;
    }

    /** Waits at most {@code timeout} for the first registration; false when it has not happened by then. */
    public boolean awaitFirstRegistration(long timeout, TimeUnit unit) throws InterruptedException {
        return firstRegistration.await(timeout, unit);
    }

    /** The instance changed beside its status (a status page dropped): the loop sends it at once. */
    public void instanceChanged() {
        clock.wakeUp();
    }

    /** STARTING until the first healthy answer (an app still starting is not DOWN); then UP or DOWN. */
    private void observe(HealthCheck health) {
        Status old = instance.status();
        Status seen = health.check(old == Status.STARTING);
        if (old == Status.STARTING && seen != Status.UP) {
            return;
        }
        if (instance.setStatus(seen)) {
            AgentLog.info("status " + old + " -> " + seen + " (" + health.url() + ": " + health.lastOutcome() + ")");
        }
    }

    private void sleepUntil(long wakeAtNanos) {
        if (closing) {
            return;
        }
        try {
            clock.sleepUntil(wakeAtNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        }
    }

    private boolean register() {
        lock.lock();
        try {
            if (closing) {
                return false;
            }
            boolean push = state == State.REGISTERED;
            int revision = instance.revision();
            Status status = instance.status();
            state = State.REGISTERING;
            long start = clock.nanoTime();
            EurekaResponse response = client.register(instance);
            if (response.isSuccess()) {
                state = State.REGISTERED;
                logRegistered(push, status, response, start);
                pushedStatus = status;
                pushedRevision = revision;
                firstRegistration.countDown();
                failures.succeeded();
                server = response.server().toString();
                registeredAtMillis = push ? registeredAtMillis : System.currentTimeMillis();
                return true;
            }
            state = State.UNREGISTERED;
            failed("registration", "HTTP " + response.status() + " from " + response.server() + bodyOf(response));
        } catch (EurekaUnavailableException e) {
            state = State.UNREGISTERED;
            failed("registration", e.getMessage());
        } finally {
            lock.unlock();
        }
        return false;
    }

    private void logRegistered(boolean push, Status status, EurekaResponse response, long start) {
        long tookMs = (clock.nanoTime() - start) / 1_000_000;
        if (push) {
            AgentLog.info((status != pushedStatus ? "status " + status : "the changed instance") + " sent to "
                    + response.server() + " for " + instance.instanceId() + " in " + tookMs + " ms");
            return;
        }
        String since = registeredBefore || readySinceNanos == 0 ? ""
                : ", " + (clock.nanoTime() - readySinceNanos) / 1_000_000 + " ms after the app listened";
        AgentLog.info((registeredBefore ? "registered again " : "registered ") + instance.app() + " instance "
                + instance.instanceId() + " at " + instance.ipAddr()
                + (instance.portForCallers() > 0 ? ":" + instance.portForCallers() : "")
                + " (" + status + ") with " + response.server() + " in " + tookMs + " ms" + since);
        registeredBefore = true;
    }

    /** False when the server no longer knows the instance and it must register again at once. */
    private boolean renew() {
        lock.lock();
        try {
            if (closing) {
                return true;
            }
            EurekaResponse response = client.renew(instance);
            if (response.status() == 404) {
                AgentLog.info(response.server() + " does not know " + instance.instanceId()
                        + " (restarted or expired it); registering again");
            } else if (response.status() == 400) {
                // Repeating a refused heartbeat only lets the lease run out; a fresh registration may be accepted.
                failures.failed(
                        "heartbeat", "HTTP 400 from " + response.server() + bodyOf(response) + "; registering again");
            }
            if (response.status() == 404 || response.status() == 400) {
                instance.markDirty();
                state = State.UNREGISTERED;
                return false;
            }
            if (response.isSuccess()) {
                AgentLog.debug("renewed " + instance.instanceId() + " with " + response.server());
                failures.succeeded();
                server = response.server().toString();
                renewedAtMillis = System.currentTimeMillis();
            } else {
                failed("heartbeat", "HTTP " + response.status() + " from " + response.server() + bodyOf(response));
            }
        } catch (EurekaUnavailableException e) {
            failed("heartbeat", e.getMessage());
        } finally {
            lock.unlock();
        }
        return true;
    }

    /**
     * From the drain or the shutdown hook: stops the loop and, if registered, deletes the instance (once: a second
     * call does nothing), returning within {@code timeout} whatever the server does (the JVM waits for every hook).
     */
    public void deregister(Duration timeout) {
        end(timeout, timeout.isZero() ? "eureka.agent.shutdown-timeout-ms=0" : null);
    }

    /** Stops the loop and leaves the instance registered until its lease expires; {@code why} names the setting. */
    public void stopRenewing(String why) {
        end(Duration.ZERO, why);
    }

    private void end(Duration timeout, String keptBecause) {
        long deadline = clock.nanoTime() + timeout.toNanos();
        closing = true;
        clock.wakeUp();
        boolean locked = false;
        try {
            // Let a registration in flight finish, so that it is the one deleted, but never wait past half the budget.
            locked = lock.tryLock(timeout.toNanos() / 2, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (state == State.UNREGISTERED) {
                return;
            }
            if (keptBecause != null) {
                AgentLog.info("not deregistering " + instance.instanceId() + ": " + keptBecause
                        + "; Eureka drops it when its lease expires");
                return;
            }
            long start = clock.nanoTime();
            // One attempt, whatever it ends in: after a drain's DELETE the shutdown hook's would spend its budget again
            // on a server that did not answer (issue 21); the lease's expiry removes the instance anyway.
            state = State.UNREGISTERED;
            EurekaResponse response = client.cancel(instance, Duration.ofNanos(Math.max(0, deadline - start)));
            if (response.isSuccess() || response.status() == 404) {
                AgentLog.info("deregistered " + instance.app() + " instance " + instance.instanceId() + " from "
                        + response.server() + " in " + (clock.nanoTime() - start) / 1_000_000 + " ms");
            } else {
                AgentLog.warn("deregistration of " + instance.instanceId() + " got HTTP " + response.status() + " from "
                        + response.server() + bodyOf(response));
            }
        } catch (EurekaUnavailableException e) {
            AgentLog.warn("could not deregister " + instance.instanceId() + " (" + e.getMessage()
                    + "); Eureka drops it when its lease expires");
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    private void failed(String what, String why) {
        failures.failed(what, why + "; retrying");
    }

    /**
     * What the server said, when it is JSON as a Eureka server's errors are; of any other body only its size: a page
     * from a proxy or portal tells the reader nothing, and may echo the request's credentials (issue 21).
     */
    private static String bodyOf(EurekaResponse response) {
        String body = response.body().trim();
        if (body.isEmpty()) {
            return "";
        }
        if (!body.startsWith("{") && !body.startsWith("[")) {
            return ": a " + response.body().length() + "-character body that is not JSON, not shown";
        }
        return ": " + body.substring(0, Math.min(200, body.length()));
    }
}
