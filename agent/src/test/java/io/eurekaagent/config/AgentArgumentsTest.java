package io.eurekaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Properties;
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

    /** Issue 21, defect 8: a value holding ",name=" is the likely cause only after a comma, not in the first piece. */
    @Test
    void anUnknownFirstArgumentIsNotBlamedOnACommaItDoesNotFollow() {
        assertEquals(List.of("agent argument 'orders=1' is not a setting the agent reads"),
                AgentArguments.warnings("orders=1"));
        assertEquals(List.of("agent argument 'b=2' is not a setting the agent reads: a value holding ',' followed by"
                + " 'name=' cannot be an agent argument; give it as a system property"),
                AgentArguments.warnings("eureka.instance.appname=a,b=2"));
    }

    /** Issue 21, defect 10: attach forwards its environment and properties: a password need not be an argument. */
    @Test
    void attachForwardsItsSettingsThenItsPropertiesThenItsEnvironmentTheFirstOfAKeyWinning() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("eureka.instance.appName", "from-property");
        properties.setProperty("eureka.agent.debug", "true");
        properties.setProperty("java.version", "17");

        assertEquals("eureka.instance.hostname=h,eureka.agent.debug=true,eureka.instance.appName=from-property,"
                + "eureka.client.serviceurl.defaultzone=http://agent:pw@127.0.0.1:8761/eureka/",
                AgentArguments.forAttach("eureka.instance.hostname=h", properties, Map.of(
                        "EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", "http://agent:pw@127.0.0.1:8761/eureka/",
                        "EUREKA_INSTANCE_APPNAME", "from-environment", "PATH", "/bin")));
        assertEquals(null, AgentArguments.forAttach(null, new Properties(), Map.of()));
    }
}
