package io.eurekaagent.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthCheckTest {
    private static HealthCheck every(Duration interval) {
        return new HealthCheck(null, URI.create("http://127.0.0.1:8080/health"), interval);
    }

    @Test
    void whileStartingTheAppIsCheckedQuicklySoItTurnsUpWithinASecond() {
        HealthCheck health = every(Duration.ofSeconds(30));
        assertEquals(Duration.ofMillis(250), health.nextCheckIn(true));
        for (int i = 0; i < 239; i++) {
            assertEquals(Duration.ofMillis(500), health.nextCheckIn(true));
        }
        assertEquals(
                Duration.ofSeconds(30), health.nextCheckIn(true), "after two minutes still starting: the interval");
    }

    @Test
    void onceUpOrDownTheConfiguredIntervalApplies() {
        HealthCheck health = every(Duration.ofSeconds(30));
        assertEquals(Duration.ofMillis(250), health.nextCheckIn(true));
        assertEquals(Duration.ofSeconds(30), health.nextCheckIn(false));
    }

    @Test
    void aShorterIntervalThanTheQuickStepsIsKept() {
        assertEquals(Duration.ofMillis(200), every(Duration.ofMillis(200)).nextCheckIn(true));
    }
}
