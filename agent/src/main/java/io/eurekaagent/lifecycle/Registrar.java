package io.eurekaagent.lifecycle;

import io.eurekaagent.client.EurekaClient;
import io.eurekaagent.client.EurekaResponse;
import io.eurekaagent.client.EurekaUnavailableException;
import io.eurekaagent.instance.InstanceInfo;
import io.eurekaagent.log.AgentLog;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps one instance registered, as go-kit's sd/eureka Registrar does: register, renew every interval, register
 * again when the server answers 404 (it restarted empty, or expired us), and deregister once on shutdown.
 * Every server call holds {@link #lock}, so a deregistration never overtakes a registration still in flight.
 */
public final class Registrar {
    private enum State { UNREGISTERED, REGISTERING, REGISTERED }

    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile State state = State.UNREGISTERED;
    private volatile EurekaClient client;
    private volatile InstanceInfo instance;
    private boolean registeredBefore;
    private int failures;

    public boolean isClosing() {
        return closing.getCount() == 0;
    }

    /** The heartbeat loop, on the agent's thread, until {@link #deregister} is called. */
    public void run(EurekaClient eurekaClient, InstanceInfo registered) {
        this.client = eurekaClient;
        this.instance = registered;
        Duration interval = Duration.ofSeconds(registered.renewalIntervalSeconds());
        Backoff backoff = new Backoff(Duration.ofSeconds(1), interval);
        Duration pause = Duration.ZERO;
        while (await(pause)) {
            if (state != State.REGISTERED) {
                pause = register() ? interval : backoff.next();
            } else {
                // A failed renewal is retried at the next beat; a 404 means register again now.
                pause = renew() ? interval : Duration.ZERO;
            }
            if (state == State.REGISTERED) {
                backoff.reset();
            }
        }
    }

    private boolean await(Duration pause) {
        try {
            return !closing.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean register() {
        lock.lock();
        try {
            if (isClosing()) {
                return false;
            }
            state = State.REGISTERING;
            long start = System.nanoTime();
            EurekaResponse response = client.register(instance);
            if (response.isSuccess()) {
                state = State.REGISTERED;
                AgentLog.info((registeredBefore ? "registered again " : "registered ") + instance.app() + " instance "
                        + instance.instanceId() + " at " + instance.ipAddr() + ":" + instance.servingPort() + " with "
                        + response.server() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
                registeredBefore = true;
                recovered();
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

    /** False when the server no longer knows the instance and it must register again at once. */
    private boolean renew() {
        lock.lock();
        try {
            if (isClosing()) {
                return true;
            }
            EurekaResponse response = client.renew(instance);
            if (response.status() == 404) {
                AgentLog.info(response.server() + " does not know " + instance.instanceId() + " (restarted or expired it); registering again");
                instance.markDirty();
                state = State.UNREGISTERED;
                return false;
            }
            if (response.isSuccess()) {
                AgentLog.debug("renewed " + instance.instanceId() + " with " + response.server());
                recovered();
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
     * From the shutdown hook: stops the loop and, if registered, deletes the instance, returning within
     * {@code timeout} whatever the server does (the JVM waits for every hook).
     */
    public void deregister(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        closing.countDown();
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
            if (timeout.isZero()) {
                AgentLog.info("not deregistering " + instance.instanceId() + ": eureka.agent.shutdown-timeout-ms=0");
                return;
            }
            long start = System.nanoTime();
            EurekaResponse response = client.cancel(instance, Duration.ofNanos(Math.max(0, deadline - start)));
            state = State.UNREGISTERED;
            if (response.isSuccess() || response.status() == 404) {
                AgentLog.info("deregistered " + instance.app() + " instance " + instance.instanceId() + " from "
                        + response.server() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            } else {
                AgentLog.warn("deregistration of " + instance.instanceId() + " got HTTP " + response.status() + " from "
                        + response.server() + bodyOf(response));
            }
        } catch (EurekaUnavailableException e) {
            AgentLog.warn("could not deregister " + instance.instanceId() + " (" + e.getMessage() + "); Eureka drops it when its lease expires");
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    /** Logs failures 1, 2, 4, 8 ... of a streak, so a long outage does not flood the app's output. */
    private void failed(String what, String why) {
        failures++;
        if (Integer.bitCount(failures) == 1) {
            AgentLog.warn(what + " failed" + (failures > 1 ? " " + failures + " times in a row" : "") + ": " + why + "; retrying");
        }
    }

    private void recovered() {
        if (failures > 0) {
            AgentLog.info("Eureka answers again after " + failures + " failed attempts");
            failures = 0;
        }
    }

    private static String bodyOf(EurekaResponse response) {
        return response.body().isEmpty() ? "" : ": " + response.body().substring(0, Math.min(200, response.body().length()));
    }
}
