package io.eurekaagent.e2e;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * How a scenario waits for something: it polls a condition until it holds, never sleeps a guessed time, and past the
 * deadline fails with what it saw.
 */
public final class Await {
    /** What is waited for; it may call a server or read the app's output. */
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    /** Polls {@code condition} every {@code poll} until it holds; past {@code timeout}, fails with {@code seen}. */
    public static void until(Duration timeout, Duration poll, Condition condition, Supplier<String> seen)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + seen.get());
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /** Likewise, polling every 50 ms. */
    public static void until(Duration timeout, Condition condition, Supplier<String> seen) throws Exception {
        until(timeout, Duration.ofMillis(50), condition, seen);
    }
}
