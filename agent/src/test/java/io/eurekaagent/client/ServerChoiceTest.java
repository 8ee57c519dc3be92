package io.eurekaagent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.config.ServiceUrl;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sticky to what answers, failed servers set aside for a while, preferred ones taken back after it. */
class ServerChoiceTest {
    private static final ServiceUrl A = ServiceUrl.parse("http://a:8761/eureka/");
    private static final ServiceUrl B = ServiceUrl.parse("http://b:8761/eureka/");
    private static final ServiceUrl C = ServiceUrl.parse("http://c:8761/eureka/");
    private static final long SECOND = 1_000_000_000L;

    private final ServerChoice choice = new ServerChoice(List.of(A, B, C), Duration.ofSeconds(60));

    @Test
    void serversAreTriedInPreferenceOrder() {
        assertEquals(List.of(A, B, C), choice.order(0));
    }

    @Test
    void aFailedServerIsSetAsideUntilItsQuarantineEndsThenPreferredAgain() {
        choice.failed(A, 0, "a: refused");
        choice.answered(B);

        assertEquals(List.of(B, C, A), choice.order(59 * SECOND), "B stays in use while A is set aside");
        assertEquals("a: refused", choice.setAsideBecause());
        assertEquals(List.of(A, B, C), choice.order(60 * SECOND), "A is back after its quarantine");
    }

    @Test
    void whenEveryServerIsSetAsideTheyAreStillAllTried() {
        choice.failed(B, 0, "b: refused");
        choice.failed(A, SECOND, "a: refused");
        choice.failed(C, 2 * SECOND, "c: refused");

        assertEquals(List.of(A, B, C), choice.order(3 * SECOND));
    }

    @Test
    void anAnswerEndsAQuarantineAtOnce() {
        choice.failed(A, 0, "a: refused");
        choice.answered(A);

        assertEquals(List.of(A, B, C), choice.order(SECOND));
    }

    @Test
    void aSwitchIsReportedOnlyWhenAnotherServerAnswersThanLastTime() {
        assertFalse(choice.answered(A), "an answer from the preferred server is no switch");
        assertFalse(choice.answered(A));
        assertTrue(choice.answered(B));
        assertFalse(choice.answered(B));
    }
}
