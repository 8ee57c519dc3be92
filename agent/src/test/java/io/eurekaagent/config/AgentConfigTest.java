package io.eurekaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {
    @TempDir
    Path dir;

    static AgentConfig load(String arguments, Map<String, String> properties, Map<String, String> env)
            throws InvalidSettingException {
        Properties system = new Properties();
        system.putAll(properties);
        return AgentConfig.load(arguments, system, env);
    }

    @Test
    void defaultsMatchTheDocumentedTable() throws Exception {
        AgentConfig config = load(null, Map.of(), Map.of());
        assertEquals(AgentMode.REGISTER, config.mode());
        assertEquals("[http://localhost:8761/eureka/]", config.servers().serviceUrls().toString());
        assertNull(config.instance().appName());
        assertEquals(8080, config.readiness().get(Catalog.NON_SECURE_PORT));
        assertTrue(config.readiness().get(Catalog.NON_SECURE_PORT_ENABLED));
        assertEquals(443, config.readiness().get(Catalog.SECURE_PORT));
        assertFalse(config.readiness().get(Catalog.SECURE_PORT_ENABLED));
        assertFalse(config.instance().get(Catalog.PREFER_IP_ADDRESS));
        assertEquals(30, config.instance().get(Catalog.LEASE_RENEWAL_INTERVAL));
        assertEquals(90, config.instance().get(Catalog.LEASE_EXPIRATION));
        assertEquals("/", config.instance().get(Catalog.HOME_PAGE_URL_PATH));
        assertNull(config.instance().get(Catalog.STATUS_PAGE_URL_PATH));
        assertNull(config.instance().get(Catalog.HEALTH_CHECK_URL_PATH));
        assertEquals(Duration.ofMillis(2000), config.shutdownTimeout());
        assertFalse(config.debug());
        assertFalse(config.failFast());
        assertTrue(config.instance().get(Catalog.METADATA).isEmpty());
    }

    @Test
    void agentArgumentsBeatSystemPropertiesWhichBeatEnvironmentWhichBeatsTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("eureka.properties"), String.join("\n",
                "eureka.instance.appname=from-file",
                "eureka.instance.non-secure-port=1004",
                "eureka.instance.secure-port=1005",
                "eureka.instance.lease-renewal-interval-in-seconds=4"));
        AgentConfig config = load("eureka.instance.appname=from-args",
                Map.of("eureka.instance.appname", "from-property", "eureka.instance.non-secure-port", "1002",
                        "eureka.agent.config-file", file.toString()),
                Map.of("EUREKA_INSTANCE_APPNAME", "from-env", "EUREKA_INSTANCE_NONSECUREPORT", "1003",
                        "EUREKA_INSTANCE_SECUREPORT", "1003"));
        assertEquals("from-args", config.instance().appName());
        assertEquals(1002, config.readiness().get(Catalog.NON_SECURE_PORT));
        assertEquals(1003, config.readiness().get(Catalog.SECURE_PORT));
        assertEquals(4, config.instance().get(Catalog.LEASE_RENEWAL_INTERVAL));
        // Issue 23: what check and debug mode list, each value with the source it won from.
        assertEquals(List.of(
                "eureka.agent.config-file=" + file + " (system property)",
                "eureka.instance.appname=from-args (agent argument)",
                "eureka.instance.lease-renewal-interval-in-seconds=4 (file " + file + ")",
                "eureka.instance.non-secure-port=1002 (system property)",
                "eureka.instance.secure-port=1003 (environment variable EUREKA_INSTANCE_SECUREPORT)"),
                config.inEffect());
    }

    @Test
    void theSettingsInEffectLeaveOutDefaultsAndMaskSecrets() throws Exception {
        AgentConfig config = load(null, Map.of("eureka.client.proxy-host", "127.0.0.1", "eureka.client.proxy-port",
                "3128", "eureka.client.proxy-user-name", "agent", "eureka.client.proxy-password", "s3cr3t-proxy-pw",
                "eureka.instance.lease-renewal-interval-in-seconds", "30"), Map.of());

        assertEquals(List.of(
                "eureka.client.proxy-host=127.0.0.1 (system property)",
                "eureka.client.proxy-password=**** (system property)",
                "eureka.client.proxy-port=3128 (system property)",
                "eureka.client.proxy-user-name=agent (system property)"),
                config.inEffect());
    }

    @Test
    void relaxedNamesAreOneKey() throws Exception {
        assertEquals(7, load(null, Map.of("eureka.instance.leaseRenewalIntervalInSeconds", "7"), Map.of())
                .instance().get(Catalog.LEASE_RENEWAL_INTERVAL));
        assertEquals(8, load("eureka.instance.lease-renewal-interval-in-seconds=8", Map.of(), Map.of())
                .instance().get(Catalog.LEASE_RENEWAL_INTERVAL));
        assertEquals(9, load(null, Map.of(), Map.of("EUREKA_INSTANCE_LEASERENEWALINTERVALINSECONDS", "9"))
                .instance().get(Catalog.LEASE_RENEWAL_INTERVAL));
    }

    @Test
    void theServiceUrlEveryoneSetsAsAnEnvironmentVariable() throws Exception {
        AgentConfig config = load(null, Map.of(),
                Map.of("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", "http://a:8761/eureka/,http://b:8761/eureka/"));
        assertEquals("[http://a:8761/eureka/, http://b:8761/eureka/]", config.servers().serviceUrls().toString());
    }

    @Test
    void springApplicationNameIsTheAppNameUnlessEurekaSaysOtherwise() throws Exception {
        assertEquals("orders", load(null, Map.of("spring.application.name", "orders"), Map.of()).instance().appName());
        assertEquals("orders", load(null, Map.of(), Map.of("SPRING_APPLICATION_NAME", "orders")).instance().appName());
        assertEquals("billing", load(null, Map.of("spring.application.name", "orders",
                "eureka.instance.appname", "billing"), Map.of()).instance().appName());
    }

    @Test
    void quarkusAndMicronautNamesComeAfterSpringsInTheirOwnSpelling() throws Exception {
        assertEquals("orders", load(null, Map.of("quarkus.application.name", "orders"), Map.of()).instance().appName());
        assertEquals("orders", load(null, Map.of(), Map.of("QUARKUS_APPLICATION_NAME", "orders")).instance().appName());
        assertEquals(
                "orders",
                load(null, Map.of(), Map.of("MICRONAUT_APPLICATION_NAME", "orders"))
                        .instance()
                        .appName());
        assertEquals("billing", load(null, Map.of("quarkus.application.name", "orders"),
                Map.of("SPRING_APPLICATION_NAME", "billing")).instance().appName());
        assertEquals(
                "billing",
                load(
                                null,
                                Map.of("micronaut.application.name", "orders", "quarkus.application.name", "billing"),
                                Map.of())
                        .instance()
                        .appName(),
                "quarkus before micronaut");
    }

    @Test
    void metadataKeepsTheUsersSpellingOfKeysAndMergesSources() throws Exception {
        AgentConfig config = load(
                "eureka.instance.metadata-map.zone=args-zone",
                Map.of(
                        "eureka.instance.metadata-map.managementPort",
                        "9090",
                        "eureka.instance.metadata-map.zone",
                        "prop-zone",
                        "eureka.instance.metadataMap[version]",
                        "1.2"),
                Map.of("EUREKA_INSTANCE_METADATAMAP_TEAM", "payments"));
        assertEquals(Map.of("zone", "args-zone", "managementPort", "9090", "version", "1.2", "team", "payments"),
                config.instance().get(Catalog.METADATA));
    }

    @Test
    void agentArgumentsCarryCommaSeparatedServiceUrls() throws Exception {
        AgentConfig config = load("eureka.client.service-url.defaultZone=http://a/eureka/,http://b/eureka/,"
                + "eureka.instance.appname=orders", Map.of(), Map.of());
        assertEquals("[http://a/eureka/, http://b/eureka/]", config.servers().serviceUrls().toString());
        assertEquals("orders", config.instance().appName());
    }

    @Test
    void registrationWaitsForTheAppToAcceptUnlessToldOtherwise() throws Exception {
        AgentConfig defaults = load(null, Map.of(), Map.of());
        assertEquals(ReadinessSettings.RegisterOn.ACCEPT, defaults.readiness().get(Catalog.REGISTER_ON));
        assertFalse(defaults.readiness().portPlan().configured());
        assertEquals(
                ReadinessSettings.RegisterOn.BIND,
                load("eureka.agent.register-on=bind", Map.of(), Map.of())
                        .readiness()
                        .get(Catalog.REGISTER_ON));
        assertEquals(
                ReadinessSettings.RegisterOn.PORT_OPEN,
                load("eureka.agent.register-on=port-open", Map.of(), Map.of())
                        .readiness()
                        .get(Catalog.REGISTER_ON));
        assertEquals(
                ReadinessSettings.RegisterOn.START,
                load(null, Map.of(), Map.of("EUREKA_AGENT_REGISTERON", "START"))
                        .readiness()
                        .get(Catalog.REGISTER_ON));
        assertTrue(load(null, Map.of("eureka.instance.non-secure-port", "9000"), Map.of())
                .readiness()
                .portPlan()
                .configured());
    }

    @Test
    void healthChecksAreOffByDefaultAndFollowTheRenewalInterval() throws Exception {
        assertFalse(load(null, Map.of(), Map.of()).readiness().get(Catalog.HEALTH_CHECK_ENABLED));
        AgentConfig config = load(null, Map.of("eureka.client.healthcheck.enabled", "true",
                "eureka.instance.lease-renewal-interval-in-seconds", "10"), Map.of());
        assertTrue(config.readiness().get(Catalog.HEALTH_CHECK_ENABLED));
        assertEquals(10, config.readiness().healthCheckInterval().toSeconds());
    }

    @Test
    void disabledAgentIgnoresEveryOtherSetting() throws Exception {
        AgentConfig config = load(null, Map.of("eureka.client.enabled", "false",
                "eureka.instance.non-secure-port", "not-a-port"), Map.of());
        assertEquals(AgentMode.OFF, config.mode());
    }

    @Test
    void everyProblemIsReportedAtOnceAndFailFastIsKnown() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> load(null,
                Map.of("eureka.instance.non-secure-port", "70000", "eureka.agent.debug", "yes",
                        "eureka.agent.fail-fast", "true"), Map.of()));
        assertEquals(2, e.problems().size(), e.problems().toString());
        assertTrue(e.failFast());
    }

    @Test
    void aMissingConfigFileIsNamedWithItsKey() throws IOException {
        InvalidSettingException e = assertThrows(
                InvalidSettingException.class,
                () -> load(
                        null,
                        Map.of(
                                "eureka.agent.config-file",
                                dir.resolve("nope.properties").toString()),
                        Map.of()));
        assertEquals(
                List.of("eureka.agent.config-file=" + dir.resolve("nope.properties") + " (system property): expected"
                        + " a readable UTF-8 properties file ("
                        + dir.resolve("nope.properties").toAbsolutePath() + " does not exist)"),
                e.problems());
    }

    /** Spring Cloud's should-unregister-on-shutdown=false: leaving Eureka early (the drain) would contradict it. */
    @Test
    void anInstanceKeptRegisteredAtExitHasNoDrainAndTheLineSaysWhy() throws Exception {
        AgentConfig config = load(null, Map.of("eureka.client.should-unregister-on-shutdown", "false",
                "eureka.agent.shutdown-drain-seconds", "20"), Map.of());

        assertFalse(config.unregisterOnShutdown());
        assertEquals(Duration.ZERO, config.shutdownDrain());
        assertEquals(List.of("eureka.agent.shutdown-drain-seconds=20 has no effect with"
                + " eureka.client.should-unregister-on-shutdown=false: the instance stays registered at exit"),
                config.warnings());
    }

    @Test
    void keysGivenTwiceOrNotReadByTheAgentAreWarnedAbout() throws Exception {
        AgentConfig config = load(
                "eureka.instance.appname=a,eureka.instance.appname=b,eureka.instance.metadata-map.tags=x,y=z",
                Map.of(
                        "eureka.instance.hostName",
                        "h1",
                        "eureka.instance.hostname",
                        "h2",
                        "eureka.agent.enabled",
                        "false"),
                Map.of());

        assertEquals("b", config.instance().appName());
        assertEquals(
                List.of(
                        "eureka.instance.hostName and eureka.instance.hostname (system property) are one setting:"
                                + " eureka.instance.hostName is used",
                        "unknown setting eureka.agent.enabled (system property) ignored: the agent has no such setting",
                        "agent argument eureka.instance.appname is given twice: the last one is used",
                        "agent argument 'y=z' is not a setting the agent reads: a value holding ',' followed by"
                                + " 'name=' cannot be an agent argument; give it as a system property"),
                config.warnings());
    }

    @Test
    void aConfigFileThatIsAFifoADeviceOrHugeIsRefusedWithoutReadingIt() throws Exception {
        Path fifo = dir.resolve("settings.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path huge = dir.resolve("huge.properties");
        Files.write(huge, new byte[(int) ConfigFile.MAX_BYTES + 1]);
        for (String[] file : new String[][] {
            {fifo.toString(), "is not a regular file"},
            {"/dev/zero", "is not a regular file"},
            {huge.toString(), "is larger than 1024 KB"}
        }) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> load(null, Map.of("eureka.agent.config-file", file[0]), Map.of()));
            assertEquals(List.of("eureka.agent.config-file=" + file[0] + " (system property): expected a readable UTF-8"
                    + " properties file (" + Path.of(file[0]).toAbsolutePath() + " " + file[1] + ")"), e.problems());
        }
    }

    /** Issue 21, defect 8: the config file takes the forms the TLS store settings take. */
    @Test
    void aConfigFileMayBeGivenAsAFileUrlOrAClassPathResource() throws Exception {
        Path file = Files.writeString(dir.resolve("settings.properties"), "eureka.instance.appname=from-file\n");

        assertEquals("from-file", load(null, Map.of("eureka.agent.config-file", "file:" + file), Map.of())
                .instance().appName());
        assertEquals("from-class-path", load(null, Map.of("eureka.agent.config-file",
                "classpath:config/agent-settings.properties"), Map.of()).instance().appName());
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> load(null, Map.of("eureka.agent.config-file", "classpath:nope.properties"), Map.of()));
        assertEquals(List.of("eureka.agent.config-file=classpath:nope.properties (system property): expected a"
                + " readable UTF-8 properties file (class path resource nope.properties is not on the class path)"),
                e.problems());
    }

    @Test
    void aByteOrderMarkDoesNotSwallowTheFirstKey() throws Exception {
        Path file = Files.writeString(dir.resolve("bom.properties"), "\uFEFFeureka.instance.appname=orders\n");

        assertEquals(
                "orders",
                load(null, Map.of("eureka.agent.config-file", file.toString()), Map.of())
                        .instance()
                        .appName());
    }

    @Test
    void serversOfTheInstancesZoneComeFirstThenTheOtherZonesWrappingAround() throws Exception {
        AgentConfig config = load(null, Map.of(
                "eureka.client.region", "eu",
                "eureka.client.availability-zones.eu", "zone-a,zone-b,zone-c",
                "eureka.client.service-url.zone-a", "http://a1/eureka/,http://a2/eureka/",
                "eureka.client.service-url.zone-b", "http://b/eureka/",
                "eureka.client.service-url.defaultZone", "http://fallback/eureka/",
                "eureka.instance.metadata-map.zone", "zone-b"), Map.of());

        // zone-c has no URLs of its own: defaultZone's stand in, as in Spring Cloud.
        assertEquals(
                "[http://b/eureka/, http://fallback/eureka/, http://a1/eureka/, http://a2/eureka/]",
                config.servers().serviceUrls().toString());
    }

    @Test
    void withoutPreferSameZoneTheZonesKeepTheirListedOrder() throws Exception {
        AgentConfig config = load(null, Map.of(
                "eureka.client.availability-zones.us-east-1", "zone-a,zone-b",
                "eureka.client.service-url.zone-a", "http://a/eureka/",
                "eureka.client.service-url.zone-b", "http://b/eureka/",
                "eureka.client.prefer-same-zone-eureka", "false",
                "eureka.instance.metadata-map.zone", "zone-b"), Map.of());

        assertEquals("[http://a/eureka/, http://b/eureka/]", config.servers().serviceUrls().toString());
    }

    @Test
    void zonesLeftOutOfAvailabilityZonesAreStillUsedLastAndEnvironmentSpellingsMatch() throws Exception {
        AgentConfig config = load(null, Map.of("eureka.instance.metadata-map.zone", "zone-b"), Map.of(
                "EUREKA_CLIENT_SERVICEURL_ZONE-A", "http://a/eureka/",
                "EUREKA_CLIENT_SERVICEURL_ZONE-B", "http://b/eureka/",
                "EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", "http://d/eureka/"));

        assertEquals(
                "[http://b/eureka/, http://d/eureka/, http://a/eureka/]",
                config.servers().serviceUrls().toString());
    }

    @Test
    void aZoneWithoutServersIsWarnedAboutOnlyWhenServersAreGivenByZone() throws Exception {
        AgentConfig byZone = load(
                null,
                Map.of(
                        "eureka.instance.metadata-map.zone",
                        "zone-x",
                        "eureka.client.service-url.zone-a",
                        "http://a/eureka/",
                        "eureka.client.service-url.defaultZone",
                        "http://d/eureka/"),
                Map.of());
        AgentConfig defaultZoneOnly = load(null, Map.of("eureka.instance.metadata-map.zone", "zone-x",
                "eureka.client.service-url.defaultZone", "http://d/eureka/"), Map.of());

        assertEquals(
                List.of("eureka.instance.metadata-map.zone=zone-x but no eureka.client.service-url.zone-x: no server"
                        + " counts as same-zone"),
                byZone.warnings());
        assertEquals(List.of(), defaultZoneOnly.warnings());
    }
}
