package io.eurekaagent.lifecycle;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** Exponential back-off with jitter, capped: a down Eureka is not hammered, a recovered one is rejoined soon. */
final class Backoff {
    private final long firstMs;
    private final long capMs;
    private final DoubleSupplier random;
    private int attempts;

    /** @param random uniform in [0, 1): the jitter's source (tests pass a fixed one) */
    Backoff(Duration first, Duration cap, DoubleSupplier random) {
        this.firstMs = first.toMillis();
        this.capMs = Math.max(cap.toMillis(), firstMs);
        this.random = random;
    }

    /** 1, 2, 4 ... times the first delay, each within +-20 %, never above the cap. */
    Duration next() {
        long delay = Math.min(capMs, firstMs << Math.min(attempts++, 20));
        long jittered = (long) (delay * (0.8 + 0.4 * random.getAsDouble()));
        return Duration.ofMillis(Math.min(capMs, jittered));
    }

    void reset() {
        attempts = 0;
    }
}
