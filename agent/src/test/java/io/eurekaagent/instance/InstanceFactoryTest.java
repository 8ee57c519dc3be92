package io.eurekaagent.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.config.AgentConfig;
import io.eurekaagent.config.InvalidSettingException;
import io.eurekaagent.testing.TestInstances.CapturedStderr;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.jr.ob.JSON;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceFactoryTest {
    static InstanceInfo create(Map<String, String> settings, String hostname, String command) throws Exception {
        return create(settings, hostname, command, -1);
    }

    static InstanceInfo create(Map<String, String> settings, String hostname, String command, int boundPort)
            throws Exception {
        Properties properties = new Properties();
        properties.putAll(settings);
        return factory(properties).create(List.of(AddressChooserTest.nic("eth0", 2, true, "10.0.0.5")), hostname,
                command, boundPort, StatusEndpointsTest.app(command, null));
    }

    static InstanceFactory factory(Properties properties) throws InvalidSettingException {
        AgentConfig config = AgentConfig.load(null, properties, Map.of());
        return new InstanceFactory(config.instance(), config.readiness());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> document(InstanceInfo instance) throws java.io.IOException {
        return (Map<String, Object>) JSON.std.mapFrom(instance.registrationJson()).get("instance");
    }

    @Test
    void defaultsGiveTheDocumentTheServerAndTheNetflixCodecAccept() throws Exception {
        InstanceInfo instance = create(Map.of(), "web-1", "/srv/orders-service-1.4.2.jar --debug");
        Map<String, Object> doc = document(instance);
        assertEquals("web-1:orders-service:8080", doc.get("instanceId"));
        assertEquals("web-1", doc.get("hostName"));
        assertEquals("ORDERS-SERVICE", doc.get("app"));
        assertEquals("10.0.0.5", doc.get("ipAddr"));
        assertEquals("UP", doc.get("status"));
        assertEquals("UNKNOWN", doc.get("overriddenStatus"));
        assertEquals(Map.of("$", 8080, "@enabled", "true"), doc.get("port"));
        assertEquals(Map.of("$", 443, "@enabled", "false"), doc.get("securePort"));
        assertEquals(
                Map.of("@class", "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name", "MyOwn"),
                doc.get("dataCenterInfo"));
        assertEquals(Map.of("renewalIntervalInSecs", 30, "durationInSecs", 90), doc.get("leaseInfo"));
        assertEquals("orders-service", doc.get("vipAddress"));
        assertEquals("orders-service", doc.get("secureVipAddress"));
        assertEquals("http://web-1:8080/", doc.get("homePageUrl"));
        assertEquals("http://web-1:8080/", doc.get("statusPageUrl"), "no framework: the home page, not a 404");
        assertFalse(doc.containsKey("healthCheckUrl"), "no framework: no health URL rather than one that 404s");
        assertFalse(doc.containsKey("secureHealthCheckUrl"));
        assertEquals("false", doc.get("isCoordinatingDiscoveryServer"));
        assertFalse(doc.containsKey("asgName") || doc.containsKey("appGroupName"), doc.toString());
        assertEquals(Long.toString(instance.lastDirtyTimestamp()), doc.get("lastDirtyTimestamp"));
        assertEquals(8080, instance.portForCallers());
    }

    /** Spring Cloud's eureka.instance.initial-status: in any of Spring's spellings; unset, UP or STARTING. */
    @Test
    void theInitialStatusIsTheOneSetElseUpOrStartingWithTheHealthCheck() throws Exception {
        assertEquals("OUT_OF_SERVICE", document(create(Map.of("eureka.instance.initial-status", "OUT_OF_SERVICE"),
                "web-1", "orders.jar")).get("status"));
        assertEquals("STARTING", document(create(Map.of("eureka.instance.initial-status", "starting"),
                "web-1", "orders.jar")).get("status"));
        assertEquals("DOWN", document(create(Map.of("eureka.instance.initial-status", "down",
                "eureka.client.healthcheck.enabled", "true"), "web-1", "orders.jar")).get("status"));
        assertEquals("STARTING", document(create(Map.of("eureka.client.healthcheck.enabled", "true"),
                "web-1", "orders.jar")).get("status"));
    }

    @Test
    void preferIpAddressRegistersTheIpAsHostName() throws Exception {
        Map<String, Object> doc = document(create(Map.of("eureka.instance.prefer-ip-address", "true",
                "eureka.instance.appname", "orders", "eureka.instance.non-secure-port", "9000"), "web-1", "x.jar"));
        assertEquals("10.0.0.5", doc.get("hostName"));
        assertEquals("10.0.0.5:orders:9000", doc.get("instanceId"));
        assertEquals("http://10.0.0.5:9000/", doc.get("statusPageUrl"));
    }

    @Test
    void everythingConfiguredIsTakenAsGiven() throws Exception {
        Map<String, String> settings = Map.ofEntries(
                Map.entry("eureka.instance.appname", "Orders"),
                Map.entry("eureka.instance.instance-id", "orders-7"),
                Map.entry("eureka.instance.hostname", "orders.internal"),
                Map.entry("eureka.instance.ip-address", "10.9.9.9"),
                Map.entry("eureka.instance.virtual-host-name", "orders-vip"),
                Map.entry("eureka.instance.secure-virtual-host-name", "orders-svip"),
                Map.entry("eureka.instance.metadata-map.zone", "eu-1"),
                Map.entry("eureka.instance.status-page-url-path", "/actuator/info"),
                Map.entry("eureka.instance.health-check-url", "http://sidecar:9000/check"),
                Map.entry("eureka.instance.secure-port-enabled", "true"),
                Map.entry("eureka.instance.secure-port", "8443"),
                Map.entry("eureka.instance.non-secure-port-enabled", "false"),
                Map.entry("eureka.instance.lease-renewal-interval-in-seconds", "5"),
                Map.entry("eureka.instance.lease-expiration-duration-in-seconds", "15"),
                Map.entry("eureka.instance.aSGName", "orders-v042"),
                Map.entry("eureka.instance.app-group-name", "shop"));
        InstanceInfo instance = create(settings, "ignored", "ignored.jar");
        Map<String, Object> doc = document(instance);
        assertEquals("ORDERS", doc.get("app"));
        assertEquals("orders-7", doc.get("instanceId"));
        assertEquals("orders.internal", doc.get("hostName"));
        assertEquals("10.9.9.9", doc.get("ipAddr"));
        assertEquals("orders-vip", doc.get("vipAddress"));
        assertEquals("orders-svip", doc.get("secureVipAddress"));
        assertEquals(Map.of("zone", "eu-1"), doc.get("metadata"));
        assertEquals(Map.of("$", 8080, "@enabled", "false"), doc.get("port"));
        assertEquals(Map.of("$", 8443, "@enabled", "true"), doc.get("securePort"));
        assertEquals("https://orders.internal:8443/actuator/info", doc.get("statusPageUrl"));
        assertEquals("http://sidecar:9000/check", doc.get("healthCheckUrl"));
        assertFalse(doc.containsKey("secureHealthCheckUrl"), "no health path to build it from");
        assertEquals(Map.of("renewalIntervalInSecs", 5, "durationInSecs", 15), doc.get("leaseInfo"));
        assertEquals("orders-v042", doc.get("asgName"));
        assertEquals("SHOP", doc.get("appGroupName"), "upper case, as Spring Cloud's InstanceInfo sends it");
        assertEquals(8443, instance.portForCallers());
    }

    @Test
    void theBoundPortIsRegisteredAndNamesTheInstance() throws Exception {
        InstanceInfo instance = create(Map.of("eureka.instance.appname", "orders"), "web-1", "x.jar", 41234);
        Map<String, Object> doc = document(instance);
        assertEquals("web-1:orders:41234", doc.get("instanceId"));
        assertEquals(Map.of("$", 41234, "@enabled", "true"), doc.get("port"));
        assertEquals("http://web-1:41234/", doc.get("statusPageUrl"));
    }

    @Test
    void registeringAtStartHasNoPortAndThePidKeepsInstancesApart() throws Exception {
        Map<String, Object> doc = document(create(Map.of("eureka.agent.register-on", "start",
                "eureka.instance.appname", "batch"), "web-1", "x.jar", 0));
        assertEquals("web-1:batch:" + ProcessHandle.current().pid(), doc.get("instanceId"));
        assertEquals("false", ((Map<?, ?>) doc.get("port")).get("@enabled"));
        assertEquals("false", ((Map<?, ?>) doc.get("securePort")).get("@enabled"));
    }

    @Test
    void withHealthChecksTheInstanceStartsAsStarting() throws Exception {
        assertEquals(
                "STARTING",
                document(create(Map.of("eureka.client.healthcheck.enabled", "true"), "h", "a.jar"))
                        .get("status"));
    }

    @Test
    void withoutAHostNameTheIpIsUsed() throws Exception {
        assertEquals("10.0.0.5", document(create(Map.of(), null, "app.jar")).get("hostName"));
    }

    @Test
    void lastDirtyTimestampOnlyGrows() throws Exception {
        InstanceInfo instance = create(Map.of(), "h", "app.jar");
        long first = instance.lastDirtyTimestamp();
        long second = instance.markDirty();
        assertTrue(second > first);
        assertTrue(instance.markDirty() > second);
        assertEquals(Long.toString(instance.lastDirtyTimestamp()), document(instance).get("lastDirtyTimestamp"));
    }

    @Test
    void aSpringBootJarWithTheActuatorRegistersItsHealthForBothPagesAsBootExposesOnlyHealth(@TempDir Path dir)
            throws Exception {
        Map<String, Object> doc = document(create(Map.of(), "web-1",
                StatusEndpointsTest.springBootJar(dir, "4.0.7", true, "")));
        assertEquals("http://web-1:8080/actuator/health", doc.get("statusPageUrl"));
        assertEquals("http://web-1:8080/actuator/health", doc.get("healthCheckUrl"));
        assertEquals("http://web-1:8080/", doc.get("homePageUrl"));
    }

    @Test
    void springBootsManagementPortBasePathAndExposureAreHonoured(@TempDir Path dir) throws Exception {
        Map<String, Object> doc = document(create(Map.of("management.server.port", "9090",
                "management.endpoints.web.base-path", "/manage", "management.endpoints.web.exposure.include",
                "health,info"), "web-1", StatusEndpointsTest.springBootJar(dir, "3.5.7", true, "")));
        assertEquals("http://web-1:9090/manage/info", doc.get("statusPageUrl"));
        assertEquals("http://web-1:9090/manage/health", doc.get("healthCheckUrl"));
    }

    @Test
    void explicitPathsWinOverWhatIsDetected(@TempDir Path dir) throws Exception {
        Map<String, Object> explicit = document(create(Map.of("eureka.instance.health-check-url-path", "/ping",
                "eureka.instance.status-page-url-path", "/about"), "web-1",
                StatusEndpointsTest.springBootJar(dir, "4.0.7", true, "")));
        assertEquals("http://web-1:8080/ping", explicit.get("healthCheckUrl"));
        assertEquals("http://web-1:8080/about", explicit.get("statusPageUrl"));
    }

    @Test
    void theHealthProbeGoesToLoopbackOnTheRegisteredPortAndPath(@TempDir Path dir) throws Exception {
        Properties properties = new Properties();
        properties.putAll(Map.of("management.server.port", "9090", "management.endpoints.web.base-path", "/manage",
                "eureka.client.healthcheck.enabled", "true"));
        InstanceFactory factory = factory(properties);
        String boot = StatusEndpointsTest.springBootJar(dir, "4.0.7", true, "");
        InstanceInfo instance = factory.create(List.of(AddressChooserTest.nic("eth0", 2, true, "10.0.0.5")), "web-1",
                boot, 8080, StatusEndpointsTest.app(boot, null));

        assertEquals("http://127.0.0.1:9090/manage/health", factory.healthProbeUrl(instance).toString());
    }

    @Test
    void withTheHealthCheckOnAnAppWithoutAKnownHealthEndpointHasSpringCloudsPathCheckedAndRegistered()
            throws Exception {
        Properties properties = new Properties();
        properties.putAll(Map.of("eureka.client.healthcheck.enabled", "true"));
        InstanceFactory factory = factory(properties);
        InstanceInfo plain = factory.create(List.of(AddressChooserTest.nic("eth0", 2, true, "10.0.0.5")), "web-1",
                "orders.jar", 8081, StatusEndpointsTest.app("orders.jar", null));

        assertEquals("http://127.0.0.1:8081/health", factory.healthProbeUrl(plain).toString());
        assertEquals("http://web-1:8081/health", plain.healthCheckUrl());
    }

    @Test
    void onlyAHomePageStandingInForTheStatusPageIsToBeChecked(@TempDir Path dir) throws Exception {
        InstanceFactory factory = factory(new Properties());
        factory.create(List.of(AddressChooserTest.nic("eth0", 2, true, "10.0.0.5")), "web-1", "orders.jar", 8081,
                StatusEndpointsTest.app("orders.jar", null));
        assertEquals(java.net.URI.create("http://127.0.0.1:8081/"), factory.guessedStatusPage());

        String boot = StatusEndpointsTest.springBootJar(dir, "4.0.7", true, "");
        factory.create(List.of(AddressChooserTest.nic("eth0", 2, true, "10.0.0.5")), "web-1", boot, 8080,
                StatusEndpointsTest.app(boot, null));
        assertEquals(null, factory.guessedStatusPage(), "the actuator's page is the framework's, not a guess");
    }

    /** Issue 21, defect 9: a pod whose only interface is veth*: its address, said once, not 127.0.0.1 twice. */
    @Test
    void aPodWhoseOnlyInterfaceIsAVethEndRegistersItsAddressAndSaysSoOnce() throws Exception {
        Properties properties = new Properties();
        properties.put("eureka.instance.appname", "orders");
        InstanceFactory factory = factory(properties);
        List<NetworkInterfaceInfo> pod = List.of(AddressChooserTest.nic("lo", 1, true, "127.0.0.1"),
                AddressChooserTest.nic("veth3f2a", 9, true, "192.0.2.9"));

        try (CapturedStderr log = new CapturedStderr()) {
            InstanceInfo first = factory.create(pod, "pod-1", "x.jar", 8080, StatusEndpointsTest.app("x.jar", null));
            factory.create(pod, "pod-1", "x.jar", 8080, StatusEndpointsTest.app("x.jar", null));

            assertEquals("192.0.2.9", document(first).get("ipAddr"));
            assertEquals(1, log.count("no network interface but veth3f2a"), log.text());
            assertEquals(0, log.count("127.0.0.1"), log.text());
        }
    }
}
