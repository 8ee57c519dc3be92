package io.eurekaagent.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.config.AgentConfig;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PortChoiceTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final String DW_ADMIN =
            "dw-admin-30-acceptor-0@3146dd9-admin@31464a43{HTTP/1.1, (http/1.1)}{0.0.0.0:8081}";
    private static final String DW_APP =
            "dw-31-acceptor-0@5d2a4eed-application@2e48362c{HTTP/1.1, (http/1.1)}{0.0.0.0:8080}";

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

    static void accept(PortChoice choice, int port, long nanos) {
        choice.accepting(port, "acceptor", nanos);
    }

    @Test
    void loopbackBindsAreNeverCandidates() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        assertEquals("not a candidate: loopback only",
                choice.bound(new InetSocketAddress("127.0.0.1", 9000), "main", false, 1));
        assertEquals("not a candidate: loopback only",
                choice.bound(new InetSocketAddress("::1", 9001), "main", false, 1));
        assertEquals("a candidate", choice.bound(new InetSocketAddress("10.0.0.5", 8080), "main", false, 1));
        accept(choice, 9000, 2);
        assertNull(choice.decide(2));
        assertTrue(choice.knows(9000), "reported, though not a candidate");
        assertFalse(choice.knows(9002));
    }

    @Test
    void aBoundPortIsReadyOnlyOnceTheAppAcceptsOnIt() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        bind(choice, 8080, SECOND);
        assertNull(choice.decide(10 * SECOND), "Tomcat binds in init and accepts after its webapps are deployed");

        accept(choice, 8080, 15 * SECOND);
        ReadyPort serving = choice.decide(15 * SECOND);
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
        bind(choice, 8080, 2 * SECOND);
        accept(choice, 8080, 3 * SECOND);
        accept(choice, 7000, 4 * SECOND);
        assertEquals(8080, choice.decide(4 * SECOND).port());
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
        assertEquals("not a candidate: not eureka.instance.non-secure-port (8443)", bind(configured, 8080, 1));
        assertEquals("a candidate", bind(configured, 8443, 2));
        accept(configured, 8080, 3);
        assertNull(configured.decide(3));
        accept(configured, 8443, 4);
        assertEquals(8443, configured.decide(4).port(), "configured: even a TLS-looking number is taken at once");
        assertEquals("the configured eureka.instance.non-secure-port", configured.decide(4).how().split(" \\(")[0]);
    }

    @Test
    void withOnlyTheSecurePortEnabledItIsTheSecurePortThatIsWaitedFor() throws Exception {
        PortChoice secure = choice(Map.of("eureka.instance.non-secure-port-enabled", "false",
                "eureka.instance.secure-port-enabled", "true", "eureka.instance.secure-port", "9443"), Map.of());
        assertEquals("not a candidate: not eureka.instance.secure-port (9443)", bind(secure, 8080, 1));
        assertEquals("a candidate", bind(secure, 9443, 1));
    }

    @Test
    void jmxAndRmiPortsAreNeverTheServingPortWhateverTheirNumber() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of("com.sun.management.jmxremote.port", "9010",
                "com.sun.management.jmxremote.rmi.port", "9011"));
        assertEquals("not a candidate: a JMX/RMI port", bind(choice, 9010, 1));
        assertEquals("not a candidate: a JMX/RMI port", bind(choice, 9011, 1));
        assertEquals("not a candidate: a JMX/RMI port", choice.bound(new InetSocketAddress(41234), "main", true, 1));
        accept(choice, 41234, 2);
        assertNull(choice.decide(2));
        bind(choice, 8080, 3);
        accept(choice, 8080, 4);
        assertEquals(8080, choice.decide(4).port());
    }

    @Test
    void aTlsLookingPortWaitsForThePlainOneBoundBesideIt() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        bind(choice, 8443, 1);
        bind(choice, 8080, 2);
        accept(choice, 8443, 3);
        assertNull(choice.decide(3 + PortChoice.GRACE_NANOS), "8080 is bound: it is waited for");
        accept(choice, 8080, 4 + PortChoice.GRACE_NANOS);
        ReadyPort serving = choice.decide(4 + PortChoice.GRACE_NANOS);
        assertEquals(8080, serving.port());
        assertTrue(serving.how().endsWith("; not 8443: looks like a TLS port"), serving.how());
    }

    @Test
    void aTlsLookingPortWaitsBrieflyForAnotherBind() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        bind(choice, 18443, 1);
        accept(choice, 18443, 2);
        assertNull(choice.decide(1 + PortChoice.GRACE_NANOS));
        bind(choice, 18080, 3 + PortChoice.GRACE_NANOS / 2);
        accept(choice, 18080, 4 + PortChoice.GRACE_NANOS / 2);
        assertEquals(18080, choice.decide(4 + PortChoice.GRACE_NANOS / 2).port());
    }

    @Test
    void aTlsLookingPortAloneIsTakenAfterTheGrace() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        bind(choice, 443, 1);
        accept(choice, 443, 2);
        assertNull(choice.decide(1 + PortChoice.GRACE_NANOS));
        assertEquals(443, choice.decide(2 + PortChoice.GRACE_NANOS).port());
    }

    @Test
    void aPlainPortThatNeverAcceptsHoldsTheTlsOneForAtMostItsWait() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        bind(choice, 8443, 1);
        bind(choice, 8080, 1);
        accept(choice, 8443, 2);
        assertNull(choice.decide(1 + PortChoice.BETTER_WAIT_NANOS));
        assertEquals(8443, choice.decide(2 + PortChoice.BETTER_WAIT_NANOS).port());
    }

    @Test
    void dropwizardsAdminConnectorAcceptingFirstIsPassedOverForTheApplicationConnector() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        bind(choice, 8080, 1);
        bind(choice, 8081, 2);
        choice.accepting(8081, DW_ADMIN, 500 * MS);
        assertNull(choice.decide(900 * MS), "the admin connector: its thread says so");
        choice.accepting(8080, DW_APP, 901 * MS);

        ReadyPort serving = choice.decide(901 * MS);
        assertEquals(8080, serving.port());
        assertEquals(8081, serving.managementPort());
        assertEquals("the first port the app accepts connections on (0.0.0.0:8080, bound by thread main, accepting 900"
                + " ms after its bind); not 8081: an admin port (accepting thread " + DW_ADMIN + ")", serving.how());
    }

    @Test
    void whenTheApplicationConnectorAcceptsFirstItWaitsAMomentToSeeWhatTheOtherPortBoundWithItIs()
            throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        bind(choice, 8080, 1);
        bind(choice, 8081, 2);
        choice.accepting(8080, DW_APP, 500 * MS);
        assertNull(choice.decide(510 * MS));
        choice.accepting(8081, DW_ADMIN, 520 * MS);

        ReadyPort serving = choice.decide(520 * MS);
        assertEquals(8080, serving.port());
        assertTrue(serving.how().endsWith("; not 8081: an admin port (accepting thread " + DW_ADMIN + ")"),
                serving.how());
    }

    @Test
    void aPortBoundTogetherThatDoesNotAcceptHoldsTheFirstForAtMostAMoment() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        bind(choice, 8080, 1);
        bind(choice, 8081, 2);
        accept(choice, 8080, 500 * MS);
        assertNull(choice.decide(500 * MS + PortChoice.TOGETHER_NANOS - 1));
        ReadyPort serving = choice.decide(500 * MS + PortChoice.TOGETHER_NANOS);
        assertEquals(8080, serving.port());
        assertTrue(serving.how().endsWith("; not 8081: bound, not accepting connections yet"), serving.how());
        assertEquals(0, serving.managementPort());
    }

    @Test
    void ofPortsReadyTogetherTheLowerIsTheServingPort() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        bind(choice, 9000, 1);
        bind(choice, 8080, 2);
        accept(choice, 9000, 500 * MS);
        accept(choice, 8080, 530 * MS);
        ReadyPort serving = choice.decide(530 * MS);
        assertEquals(8080, serving.port());
        assertTrue(serving.how().endsWith("; not 9000: ready together with it, a higher port"), serving.how());
    }

    @Test
    void portsNamedByAFrameworksManagementSettingAreNeverTheServingPort() throws Exception {
        for (Map<String, String> settings : List.of(Map.of("management.server.port", "9090"),
                Map.of("quarkus.management.enabled", "true", "quarkus.management.port", "9090"),
                Map.of("endpoints.all.port", "9090"))) {
            PortChoice choice = choice(settings, Map.of());
            bind(choice, 8080, 1);
            bind(choice, 9090, 3 * SECOND);
            accept(choice, 9090, 4 * SECOND);
            assertNull(choice.decide(5 * SECOND), settings.toString());
            accept(choice, 8080, 6 * SECOND);
            ReadyPort serving = choice.decide(6 * SECOND);
            assertEquals(8080, serving.port(), settings.toString());
            String setting = settings.keySet().stream().filter(key -> key.endsWith("port")).findFirst().get();
            assertTrue(serving.how().endsWith("; not 9090: the management port (" + setting + ")"), serving.how());
        }
    }

    @Test
    void quarkusManagementPortCountsOnlyWhenItsInterfaceIsOn() throws Exception {
        PortChoice choice = choice(Map.of("quarkus.management.port", "9000"), Map.of());
        bind(choice, 9000, 1);
        accept(choice, 9000, 2);
        assertEquals(9000, choice.decide(2).port());
    }

    @Test
    void anAppThatServesOnlyAManagementPortIsRegisteredOnItAfterTheGrace() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        choice.bound(new InetSocketAddress(8081), "main", false, 1);
        choice.accepting(8081, "metrics-acceptor", 2);
        assertNull(choice.decide(1 + PortChoice.GRACE_NANOS));
        ReadyPort serving = choice.decide(2 + PortChoice.GRACE_NANOS);
        assertEquals(8081, serving.port());
    }

    @Test
    void managementWordsInThreadNames() {
        assertEquals("an admin port", PortChoice.managementRole(DW_ADMIN));
        assertEquals("an AJP port", PortChoice.managementRole("ajp-nio-8009-Acceptor"));
        assertEquals("a metrics port", PortChoice.managementRole("prometheus-http-1"));
        assertNull(PortChoice.managementRole(DW_APP));
        assertNull(PortChoice.managementRole("http-nio-8080-Acceptor"));
        assertNull(PortChoice.managementRole("vert.x-eventloop-thread-0"));
        assertNull(PortChoice.managementRole("administrator-pool-1"), "whole words only");
        assertNull(PortChoice.managementRole(null));
    }

    @Test
    void aPortFoundListeningIsReadyAtOnceUnlessTheHooksSawItsBind() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        bind(choice, 8080, 1);
        assertFalse(choice.listening(new InetSocketAddress(8080), "found listening", null, 2), "the hooks know it");
        assertFalse(choice.listening(new InetSocketAddress("127.0.0.1", 9000), "found listening", null, 2));
        assertTrue(choice.listening(new InetSocketAddress(8090), "found listening (bound in native code: X)", null, 3));
        assertFalse(choice.listening(new InetSocketAddress(8090), "found listening", null, 4), "already a candidate");

        ReadyPort serving = choice.decide(3 + PortChoice.TOGETHER_NANOS);
        assertEquals(8090, serving.port());
        assertEquals("a port the app listens on (0.0.0.0:8090, found listening (bound in native code: X)); not 8080:"
                + " bound, not accepting connections yet", serving.how());
    }

    @Test
    void ofPortsFoundListeningTogetherAnAdminOneNamedByItsAcceptorIsPassedOverWhateverItsNumber() throws Exception {
        PortChoice choice = PortChoice.forListening(AgentConfig.load(null, new Properties(), Map.of()).readiness(),
                new Properties());
        choice.listening(new InetSocketAddress(34967), "listening when the agent was attached",
                "dw-admin-30-acceptor-0@3146dd9-admin@31464a43{HTTP/1.1, (http/1.1)}{0.0.0.0:34967}", 0);
        choice.listening(new InetSocketAddress(37857), "listening when the agent was attached",
                "dw-31-acceptor-0@5d2a4eed-application@2e48362c{HTTP/1.1, (http/1.1)}{0.0.0.0:37857}", 0);
        ReadyPort serving = choice.decide(PortChoice.BETTER_WAIT_NANOS);
        assertEquals(37857, serving.port());
        assertTrue(serving.how().contains("; not 34967: an admin port (thread dw-admin-30"), serving.how());
    }

    @Test
    void aThreadMentionsAPortOnlyAsANumberOfItsOwn() {
        assertTrue(PortThreads.mentions("ajp-nio-8009-Acceptor", 8009));
        assertTrue(PortThreads.mentions("qtp-acceptor-0@1{HTTP/1.1}{0.0.0.0:8081}", 8081));
        assertFalse(PortThreads.mentions("qtp-acceptor-0@1{HTTP/1.1}{0.0.0.0:18081}", 8081));
        assertFalse(PortThreads.mentions("pool-80811-thread-1", 8081));
    }

    @Test
    void aSecondBindOfTheSamePortIsOneCandidateAndReportedOnce() throws Exception {
        PortChoice choice = choice(Map.of(), Map.of());
        assertEquals("a candidate", bind(choice, 8080, 1));
        assertNull(bind(choice, 8080, 2));
        accept(choice, 8080, 3);
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
