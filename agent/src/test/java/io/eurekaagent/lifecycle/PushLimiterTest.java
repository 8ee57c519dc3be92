package io.eurekaagent.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PushLimiterTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void fourAtOnceThenOneEvery15Seconds() {
        PushLimiter limiter = new PushLimiter(0);
        for (int i = 0; i < 4; i++) {
            assertTrue(limiter.tryAcquire(i * SECOND));
        }
        assertFalse(limiter.tryAcquire(5 * SECOND));
        assertEquals(15 * SECOND, limiter.nextTokenAt(5 * SECOND));
        assertTrue(limiter.tryAcquire(15 * SECOND));
        assertFalse(limiter.tryAcquire(16 * SECOND));
        assertEquals(30 * SECOND, limiter.nextTokenAt(16 * SECOND));
    }

    @Test
    void aQuietMinuteRefillsTheBurstButNoMore() {
        PushLimiter limiter = new PushLimiter(0);
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire(0);
        }
        for (int i = 0; i < 4; i++) {
            assertTrue(limiter.tryAcquire(600 * SECOND));
        }
        assertFalse(limiter.tryAcquire(600 * SECOND));
    }
}
