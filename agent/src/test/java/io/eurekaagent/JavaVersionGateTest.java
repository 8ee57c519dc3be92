package io.eurekaagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JavaVersionGateTest {
    @ParameterizedTest
    @ValueSource(strings = {"1.8", "1.7", "9", "10"})
    void aJvmOlderThan11GetsOneLine(String version) {
        assertEquals(
                "[eureka-agent] needs Java 11 or newer; this JVM is " + version + ": the application runs without it",
                JavaVersionGate.refusal(version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "17", "21", "25"})
    void java11AndNewerGoOn(String version) {
        assertNull(JavaVersionGate.refusal(version));
    }
}
