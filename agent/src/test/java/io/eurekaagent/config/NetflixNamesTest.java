package io.eurekaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A legacy service configured for the Netflix client keeps its settings under the Netflix names (issue 23). */
class NetflixNamesTest {
    /** The fixture's eureka-client.properties, named as the Netflix client lets a service name it. */
    private static final Map<String, String> LEGACY = Map.of("eureka.client.props", "netflix/legacy-orders");

    @Test
    void aServiceConfiguredOnlyByItsEurekaClientPropertiesRegistersAsTheyDescribe() throws Exception {
        AgentConfig config = AgentConfigTest.load(null, LEGACY, Map.of());

        assertEquals("[http://127.0.0.1:8761/eureka/]", config.servers().serviceUrls().toString());
        assertEquals("legacy-orders", config.instance().appName());
        assertEquals("orders.internal", config.instance().get(Catalog.VIRTUAL_HOST_NAME));
        assertEquals(9090, config.readiness().get(Catalog.NON_SECURE_PORT));
        assertEquals(10, config.instance().get(Catalog.LEASE_RENEWAL_INTERVAL));
        assertEquals(Map.of("team", "payments"), config.instance().get(Catalog.METADATA));
        assertTrue(config.discovery().get(Catalog.FETCH_REGISTRY));
        assertEquals(List.of(), config.warnings());
        assertTrue(config.inEffect().contains("eureka.instance.appname=legacy-orders (class path resource"
                + " netflix/legacy-orders.properties eureka.name)"), config.inEffect().toString());
    }

    @Test
    void theEnvironmentsFileIsReadAboveTheBaseOneAsTheNetflixClientCascadesThem() throws Exception {
        AgentConfig config = AgentConfigTest.load(null, Map.of("eureka.client.props", "netflix/legacy-orders",
                "eureka.environment", "prod"), Map.of());

        assertEquals(5, config.instance().get(Catalog.LEASE_RENEWAL_INTERVAL));
        assertEquals("legacy-orders", config.instance().appName());
    }

    @Test
    void springsNameWinsOverTheNetflixOneWhereverEachIsGivenAndTheLineSaysSo() throws Exception {
        AgentConfig config = AgentConfigTest.load(null, LEGACY, Map.of("EUREKA_INSTANCE_APPNAME", "orders"));

        assertEquals("orders", config.instance().appName());
        assertEquals(List.of("eureka.name (class path resource netflix/legacy-orders.properties) is the Netflix"
                + " client's name of eureka.instance.appname, set too: EUREKA_INSTANCE_APPNAME (environment variable)"
                + " is used"), config.warnings());
    }

    @Test
    void netflixNamesAsSystemPropertiesTakeZonesRegionsAndTheServersDefault() throws Exception {
        AgentConfig config = AgentConfigTest.load(null, Map.of(
                "eureka.region", "eu",
                "eureka.eu.availabilityZones", "zone-b,zone-a",
                "eureka.serviceUrl.zone-a", "http://127.0.0.1:8761/eureka/",
                "eureka.serviceUrl.default", "http://127.0.0.2:8761/eureka/",
                "eureka.preferSameZone", "false",
                "eureka.shouldUnregisterOnShutdown", "false"), Map.of());

        // zone-b has no servers of its own: the default's stand in, as for Spring's defaultZone.
        assertEquals("[http://127.0.0.2:8761/eureka/, http://127.0.0.1:8761/eureka/]",
                config.servers().serviceUrls().toString());
        assertEquals(false, config.unregisterOnShutdown());
        assertEquals(List.of(), config.warnings());
    }

    /** Kubernetes sets EUREKA_PORT=tcp://host:port in every pod of a namespace with a service named eureka. */
    @Test
    void environmentVariablesAreNeverReadUnderNetflixNames() throws Exception {
        AgentConfig config = AgentConfigTest.load(null, Map.of(), Map.of(
                "EUREKA_PORT", "tcp://127.0.0.1:8761", "EUREKA_NAME", "from-environment"));

        assertEquals(8080, config.readiness().get(Catalog.NON_SECURE_PORT));
        assertEquals(null, config.instance().appName());
        assertEquals(List.of(), config.warnings());
    }

    @Test
    void aBadValueUnderANetflixNameIsNamedAsTheUserWroteIt() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AgentConfigTest.load(null, Map.of("eureka.port", "eighty"), Map.of()));

        assertEquals(List.of("eureka.port=eighty (system property): expected a whole number (a TCP port) from 1 to"
                + " 65535"), e.problems());
    }
}
