package io.eurekaagent.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for what another thread will make true: polls, and fails after 30 s (a generous bound, not a figure). */
public final class Poll {
    private Poll() {
    }

    /** @param seen what to show if it never holds */
    public static void until(BooleanSupplier condition, Supplier<?> seen) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within 30 s; seen: " + seen.get());
            }
            Thread.sleep(10);
        }
    }
}
