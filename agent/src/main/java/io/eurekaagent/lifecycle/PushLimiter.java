package io.eurekaagent.lifecycle;

import java.util.concurrent.TimeUnit;

/**
 * At most 4 status pushes a minute, in bursts of up to 4 (the Netflix client's rate, whose bursts are of 2): a
 * flapping health check cannot flood Eureka, and the status pushed when a token frees up is the latest one.
 */
final class PushLimiter {
    private static final int BURST = 4;
    private static final long REFILL_NANOS = TimeUnit.SECONDS.toNanos(15);

    private int tokens = BURST;
    private long lastRefill;

    PushLimiter(long nowNanos) {
        lastRefill = nowNanos;
    }

    boolean tryAcquire(long nowNanos) {
        refill(nowNanos);
        if (tokens == 0) {
            return false;
        }
        tokens--;
        return true;
    }

    /** When the next token is there (nowNanos if one is now). */
    long nextTokenAt(long nowNanos) {
        refill(nowNanos);
        return tokens > 0 ? nowNanos : lastRefill + REFILL_NANOS;
    }

    private void refill(long nowNanos) {
        long periods = (nowNanos - lastRefill) / REFILL_NANOS;
        if (periods > 0) {
            tokens = (int) Math.min(BURST, tokens + periods);
            lastRefill = tokens == BURST ? nowNanos : lastRefill + periods * REFILL_NANOS;
        }
    }
}
