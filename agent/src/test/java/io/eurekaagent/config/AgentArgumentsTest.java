package io.eurekaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentArgumentsTest {
    @Test
    void keyValuePairsSeparatedByCommas() throws Exception {
        assertEquals(Map.of("a.b", "1", "c-d", "x=y"), AgentArguments.parse("a.b=1, c-d=x=y"));
    }

    @Test
    void aPieceWithoutKeyContinuesThePreviousValue() throws Exception {
        assertEquals(
                Map.of("eureka.client.service-url.defaultZone", "http://a/eureka/,http://b/eureka/?x=y", "k", "v"),
                AgentArguments.parse(
                        "eureka.client.service-url.defaultZone=http://a/eureka/,http://b/eureka/?x=y,k=v"));
    }

    @Test
    void nothingGivenIsNothingSet() throws Exception {
        assertEquals(Map.of(), AgentArguments.parse(null));
        assertEquals(Map.of(), AgentArguments.parse(" "));
    }

    @Test
    void aLeadingPieceWithoutKeyIsRejected() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> AgentArguments.parse("orders"));
        assertEquals("agent arguments 'orders': expected key=value pairs separated by commas", e.problems().get(0));
    }
}
