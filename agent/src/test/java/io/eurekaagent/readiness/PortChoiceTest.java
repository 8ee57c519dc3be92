package io.eurekaagent.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.eurekaagent.config.AgentConfig;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PortChoiceTest {
    static PortChoice choice(Map<String, String> settings, Map<String, String> jvm) throws Exception {
        Properties properties = new Properties();
        properties.putAll(settings);
        Properties system = new Properties();
        system.putAll(jvm);
        return PortChoice.of(AgentConfig.load(null, properties, Map.of()), system);
    }

    @Test
    void theFirstWildcardOrNonLoopbackBindWins() throws Exception {
        PortChoice first = choice(Map.of(), Map.of());
        assertEquals("loopback only", first.reject(new InetSocketAddress("127.0.0.1", 9000)));
        assertEquals("loopback only", first.reject(new InetSocketAddress("::1", 9000)));
        assertNull(first.reject(new InetSocketAddress(8080)));
        assertNull(first.reject(new InetSocketAddress("10.0.0.5", 8080)));
        assertEquals("the first port the app bound on a non-loopback address", first.reason());
    }

    @Test
    void aConfiguredPortIsTheOnlyOne() throws Exception {
        PortChoice configured = choice(Map.of("eureka.instance.non-secure-port", "8443"), Map.of());
        assertEquals("not eureka.instance.non-secure-port (8443)", configured.reject(new InetSocketAddress(8080)));
        assertNull(configured.reject(new InetSocketAddress(8443)));
        assertEquals("the configured eureka.instance.non-secure-port", configured.reason());
    }

    @Test
    void withOnlyTheSecurePortEnabledItIsTheSecurePortThatIsWaitedFor() throws Exception {
        PortChoice secure = choice(Map.of("eureka.instance.non-secure-port-enabled", "false",
                "eureka.instance.secure-port-enabled", "true", "eureka.instance.secure-port", "9443"), Map.of());
        assertEquals("not eureka.instance.secure-port (9443)", secure.reject(new InetSocketAddress(8080)));
        assertNull(secure.reject(new InetSocketAddress(9443)));
    }

    @Test
    void jmxPortsAreNeverTheServingPort() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of("com.sun.management.jmxremote.port", "9010",
                "com.sun.management.jmxremote.rmi.port", "9011"));
        assertEquals("a JMX port", choice.reject(new InetSocketAddress(9010)));
        assertEquals("a JMX port", choice.reject(new InetSocketAddress(9011)));
        assertNull(choice.reject(new InetSocketAddress(8080)));
    }
}
