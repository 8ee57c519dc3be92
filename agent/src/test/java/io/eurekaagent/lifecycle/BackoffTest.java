package io.eurekaagent.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The back-off's steps, with the jitter source fixed: no randomness, no clock. */
class BackoffTest {
    private static List<Long> steps(Backoff backoff, int count) {
        List<Long> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            steps.add(backoff.next().toMillis());
        }
        return steps;
    }

    @Test
    void doublesUpToTheCapAndStartsOverAfterReset() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.5);

        assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L), steps(backoff, 7));
        backoff.reset();
        assertEquals(List.of(1000L), steps(backoff, 1));
    }

    @Test
    void theJitterIsPlusOrMinusTwentyPercentNeverAboveTheCap() {
        assertEquals(
                List.of(800L, 1600L), steps(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.0), 2));
        assertEquals(
                List.of(1200L, 2400L), steps(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 1.0), 2));
        assertEquals(List.of(30000L), steps(new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(30), () -> 1.0), 1));
    }

    @Test
    void aCapBelowTheFirstDelayIsTheFirstDelay() {
        assertEquals(List.of(500L), steps(new Backoff(Duration.ofMillis(500), Duration.ofMillis(100), () -> 0.5), 1));
    }
}
