package io.eurekaagent.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.eurekaagent.config.AgentConfig;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PortChoiceTest {
    private static final long SECOND = 1_000_000_000L;

    static PortChoice choice(Map<String, String> settings, Map<String, String> jvm) throws Exception {
        Properties properties = new Properties();
        properties.putAll(settings);
        Properties system = new Properties();
        system.putAll(jvm);
        return PortChoice.of(AgentConfig.load(null, properties, Map.of()).readiness(), system);
    }

    static String bind(PortChoice choice, int port, long nanos) {
        return choice.bound(new InetSocketAddress(port), "main", false, nanos);
    }

    @Test
    void loopbackBindsAreNeverCandidates() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        assertEquals("loopback only", choice.bound(new InetSocketAddress("127.0.0.1", 9000), "main", false, 1));
        assertEquals("loopback only", choice.bound(new InetSocketAddress("::1", 9000), "main", false, 1));
        assertNull(choice.bound(new InetSocketAddress("10.0.0.5", 8080), "main", false, 1));
        choice.accepting(9000, 2);
        assertNull(choice.decide(2));
    }

    @Test
    void aBoundPortIsReadyOnlyOnceTheAppAcceptsOnIt() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        assertNull(bind(choice, 8080, SECOND));
        assertNull(choice.decide(10 * SECOND), "Tomcat binds in init and accepts after its webapps are deployed");

        choice.accepting(8080, 15 * SECOND);
        ServingPort serving = choice.decide(15 * SECOND);
        assertEquals(8080, serving.port());
        assertEquals(15 * SECOND, serving.sinceNanos());
        assertEquals(
                "the first port the app accepts connections on (0.0.0.0:8080, bound by thread main, accepting 14000 ms"
                        + " after its bind)",
                serving.how());
    }

    @Test
    void theFirstPortToAcceptWinsNotTheFirstBound() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        bind(choice, 7000, 1);
        bind(choice, 8080, 2);
        choice.accepting(8080, 3);
        choice.accepting(7000, 4);
        assertEquals(8080, choice.decide(4).port());
    }

    @Test
    void withRegisterOnBindTheFirstBindIsReady() throws Exception {
        PortChoice choice = choice(Map.of("eureka.agent.register-on", "bind"), Map.of());
        bind(choice, 8080, 5);
        assertEquals(8080, choice.decide(5).port());
        assertEquals("the first port the app bound on a non-loopback address (0.0.0.0:8080, bound by thread main)",
                choice.decide(5).how());
    }

    @Test
    void aConfiguredPortIsTheOnlyOne() throws Exception {
        PortChoice configured = choice(Map.of("eureka.instance.non-secure-port", "8443"), Map.of());
        assertEquals("not eureka.instance.non-secure-port (8443)", bind(configured, 8080, 1));
        assertNull(bind(configured, 8443, 2));
        configured.accepting(8080, 3);
        assertNull(configured.decide(3));
        configured.accepting(8443, 4);
        assertEquals(8443, configured.decide(4).port(), "configured: even a TLS-looking number is taken at once");
        assertEquals("the configured eureka.instance.non-secure-port", configured.decide(4).how().split(" \\(")[0]);
    }

    @Test
    void withOnlyTheSecurePortEnabledItIsTheSecurePortThatIsWaitedFor() throws Exception {
        PortChoice secure = choice(Map.of("eureka.instance.non-secure-port-enabled", "false",
                "eureka.instance.secure-port-enabled", "true", "eureka.instance.secure-port", "9443"), Map.of());
        assertEquals("not eureka.instance.secure-port (9443)", bind(secure, 8080, 1));
        assertNull(bind(secure, 9443, 1));
    }

    @Test
    void jmxAndRmiPortsAreNeverTheServingPortWhateverTheirNumber() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of("com.sun.management.jmxremote.port", "9010",
                "com.sun.management.jmxremote.rmi.port", "9011"));
        assertEquals("a JMX/RMI port", bind(choice, 9010, 1));
        assertEquals("a JMX/RMI port", bind(choice, 9011, 1));
        assertEquals("a JMX/RMI port", choice.bound(new InetSocketAddress(41234), "main", true, 1));
        choice.accepting(41234, 2);
        assertNull(choice.decide(2));
        assertNull(bind(choice, 8080, 3));
        choice.accepting(8080, 4);
        assertEquals(8080, choice.decide(4).port());
    }

    @Test
    void aTlsLookingPortWaitsForThePlainOneBoundBesideIt() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        bind(choice, 8443, 1);
        bind(choice, 8080, 2);
        choice.accepting(8443, 3);
        assertNull(choice.decide(3 + PortChoice.TLS_GRACE_NANOS), "8080 is bound: it is waited for");
        choice.accepting(8080, 4 + PortChoice.TLS_GRACE_NANOS);
        ServingPort serving = choice.decide(4 + PortChoice.TLS_GRACE_NANOS);
        assertEquals(8080, serving.port());
        assertEquals(
                "the first port the app accepts connections on; 8443 looks like a TLS port",
                serving.how().split(" \\(")[0]);
    }

    @Test
    void aTlsLookingPortWaitsBrieflyForAnotherBind() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        bind(choice, 18443, 1);
        choice.accepting(18443, 2);
        assertNull(choice.decide(1 + PortChoice.TLS_GRACE_NANOS));
        bind(choice, 18080, 3 + PortChoice.TLS_GRACE_NANOS / 2);
        choice.accepting(18080, 4 + PortChoice.TLS_GRACE_NANOS / 2);
        assertEquals(18080, choice.decide(4 + PortChoice.TLS_GRACE_NANOS / 2).port());
    }

    @Test
    void aTlsLookingPortAloneIsTakenAfterTheGrace() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        bind(choice, 443, 1);
        choice.accepting(443, 2);
        assertNull(choice.decide(1 + PortChoice.TLS_GRACE_NANOS));
        assertEquals(443, choice.decide(2 + PortChoice.TLS_GRACE_NANOS).port());
    }

    @Test
    void aPlainPortThatNeverAcceptsHoldsTheTlsOneForAtMostItsWait() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        bind(choice, 8443, 1);
        bind(choice, 8080, 1);
        choice.accepting(8443, 2);
        assertNull(choice.decide(1 + PortChoice.PLAIN_WAIT_NANOS));
        assertEquals(8443, choice.decide(2 + PortChoice.PLAIN_WAIT_NANOS).port());
    }

    @Test
    void aSecondBindOfTheSamePortIsOneCandidate() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        bind(choice, 8080, 1);
        bind(choice, 8080, 2);
        choice.accepting(8080, 3);
        assertEquals("the first port the app accepts connections on (0.0.0.0:8080, bound by thread main, accepting 0 ms"
                + " after its bind)", choice.decide(3).how());
    }

    @Test
    void tlsLookingNumbers() {
        for (int port : new int[] {443, 8443, 9443, 10443, 18443}) {
            assertEquals(true, PortChoice.looksLikeTls(port), Integer.toString(port));
        }
        for (int port : new int[] {80, 8080, 4430, 8444, 9090}) {
            assertEquals(false, PortChoice.looksLikeTls(port), Integer.toString(port));
        }
    }
}
