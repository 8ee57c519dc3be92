package io.eurekaagent.lifecycle;

import java.time.Duration;

/**
 * Time that passes only when the registrar sleeps: a sleep moves it to the wake-up time at once, so a test runs
 * minutes of heartbeats in milliseconds and every call happens at an exact time. At {@code end} it runs the test's
 * ending (usually a deregistration, as the shutdown hook would).
 */
final class VirtualClock implements LoopClock {
    private static final int MOST_SLEEPS = 100_000;

    private final long endNanos;
    private volatile long now;
    private volatile Runnable atEnd = () -> { };
    private boolean ended;
    private int sleeps;

    VirtualClock(Duration end) {
        this.endNanos = end.toNanos();
    }

    /** What happens when the time reaches the end (set before the registrar runs). */
    void atEnd(Runnable ending) {
        atEnd = ending;
    }

    /** A call that takes time: the clock moves on while it runs. */
    void advance(Duration duration) {
        now += duration.toNanos();
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleepUntil(long wakeAtNanos) {
        if (++sleeps > MOST_SLEEPS) {
            throw new AssertionError("the registrar loops without waiting, at " + now / 1_000_000 + " ms");
        }
        if (!ended && wakeAtNanos >= endNanos) {
            now = Math.max(now, endNanos);
            ended = true;
            atEnd.run();
            return;
        }
        now = Math.max(now, wakeAtNanos);
    }

    @Override
    public void wakeUp() {
        // nothing sleeps for real
    }
}
