package io.eurekaagent.lifecycle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesWithJitterUpToTheCapAndStartsOverAfterReset() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        long[] expected = {1000, 2000, 4000, 8000, 16000};
        for (long millis : expected) {
            long delay = backoff.next().toMillis();
            assertTrue(delay >= millis * 0.8 && delay <= millis * 1.2, delay + " for " + millis);
        }
        for (int i = 0; i < 50; i++) {
            assertTrue(backoff.next().toMillis() <= 30_000);
        }
        assertTrue(backoff.next().toMillis() >= 24_000);
        backoff.reset();
        assertTrue(backoff.next().toMillis() <= 1200);
    }

    @Test
    void aCapBelowTheFirstDelayIsTheFirstDelay() {
        long delay = new Backoff(Duration.ofMillis(500), Duration.ofMillis(100)).next().toMillis();
        assertTrue(delay >= 400 && delay <= 500, delay + " ms");
    }
}
