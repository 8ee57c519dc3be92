package io.eurekaagent.lifecycle;

import io.eurekaagent.log.AgentLog;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A zero-downtime stop: on the first SIGTERM the instance leaves Eureka at once, the app keeps serving for the drain
 * time while callers' caches (the server's, the registry fetch, the load balancer's) forget it, then the JVM's
 * normal shutdown runs. A second SIGTERM during the drain shuts down at once.
 */
public final class Drain {
    /** What waits out the drain; interrupted, it ends early. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration drain;
    private final BooleanSupplier inEureka;
    private final Runnable leave;
    private final Runnable shutDown;
    private final Sleeper sleeper;
    private final AtomicBoolean draining = new AtomicBoolean();

    /**
     * @param inEureka whether the instance is registered (or its registration under way): a callers' cache can hold
     *     it, so a drain is worth its time
     * @param leave deregisters and stops the heartbeats (so that nothing registers the instance again)
     * @param shutDown the JVM's own SIGTERM handling: its shutdown, exit code 143
     */
    Drain(Duration drain, BooleanSupplier inEureka, Runnable leave, Runnable shutDown, Sleeper sleeper) {
        this.drain = drain;
        this.inEureka = inEureka;
        this.leave = leave;
        this.shutDown = shutDown;
        this.sleeper = sleeper;
    }

    /** Runs on the JVM's signal-handler thread, one per signal received. */
    void onSigterm() {
        if (!draining.compareAndSet(false, true)) {
            AgentLog.info("SIGTERM again: shutting down now");
            shutDown.run();
            return;
        }
        if (!inEureka.getAsBoolean()) {
            AgentLog.info("SIGTERM: not in Eureka (never registered), so no drain: shutting down now");
            leave.run();
            shutDown.run();
            return;
        }
        AgentLog.info("SIGTERM: leaving Eureka, then serving for " + drain.toSeconds()
                + " s (eureka.agent.shutdown-drain-seconds) before shutting down; a second SIGTERM shuts down now");
        try {
            leave.run();
            sleeper.sleep(drain);
            AgentLog.info("drain of " + drain.toSeconds() + " s over: shutting down");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            AgentLog.warn("drain cut short (" + e + "): shutting down");
        }
        shutDown.run();
    }
}
