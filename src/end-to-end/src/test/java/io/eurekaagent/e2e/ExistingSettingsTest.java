package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service moved to the agent keeps the settings it has: from Spring Cloud, its {@code eureka.*} keys mean what they
 * meant there; from the Netflix client, its {@code eureka-client.properties}; a Spring Boot jar, its own
 * application.yml (issue 23). On a real server.
 */
class ExistingSettingsTest {
    private static final Duration START = Duration.ofSeconds(30);
    private static final Duration BOOT_START = Duration.ofSeconds(90);

    @Test
    void aSpringBootJarNamedByAPlaceholderInItsOwnApplicationYmlRegistersUnderTheEnvironmentsName(@TempDir Path dir)
            throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int port = Project.freePort();
        // Named so that the jar's name, the agent's last resort, is not the name expected.
        Path jar = BootJars.withOwnFiles(Project.jar("spring-boot-app.jar"), dir.resolve("boot-yml.jar"), Map.of(
                "application.yml", String.join("\n",
                        "spring:",
                        "  application:",
                        "    name: ${APP_NAME}",
                        "  main:",
                        "    banner-mode: \"off\"",
                        "logging.level.root: WARN",
                        "management.endpoints.web.exposure.include: health,info",
                        "eureka:",
                        "  client:",
                        "    service-url:",
                        "      defaultZone: ${REGISTRY_URL}",
                        "  instance:",
                        "    hostname: localhost",
                        "    ip-address: 127.0.0.1")));
        AgentApp boot = new AgentApp().env("APP_NAME", "invoices").env("REGISTRY_URL", server.serviceUrl())
                .main("-jar", jar.toString(), "--server.port=" + port);

        try (ChildProcess process = boot.start("boot-yml")) {
            Map<String, Object> instance = Registry.awaitInstances(server, "INVOICES", 1, BOOT_START).get(0);

            assertEquals("localhost:invoices:" + port, instance.get("instanceId"), process.output());
            assertEquals("http://localhost:" + port + "/actuator/info", instance.get("statusPageUrl"),
                    "the jar's own management settings");
            process.stop(BOOT_START);
        }
    }

    @Test
    void aLegacyServiceConfiguredOnlyByTheEurekaClientPropertiesOnItsClassPathRegistersAsTheySay(@TempDir Path classes)
            throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int port = Project.freePort();
        Files.writeString(classes.resolve("eureka-client.properties"), String.join("\n",
                "eureka.serviceUrl.default=" + server.serviceUrl(),
                "eureka.name=legacy-billing",
                "eureka.vipAddress=billing.legacy",
                "eureka.port=" + port,
                "eureka.lease.renewalInterval=7",
                "eureka.metadata.team=payments",
                "# Not the Netflix client's: the registered address stays on loopback.",
                "eureka.instance.hostname=localhost",
                "eureka.instance.ip-address=127.0.0.1"));
        AgentApp legacy = new AgentApp().env("PORT", Integer.toString(port)).main("-cp",
                classes + File.pathSeparator + Project.testAppJar(), "io.eurekaagent.testapp.TestApp");

        try (ChildProcess process = legacy.start("legacy-billing")) {
            Map<String, Object> instance = Registry.awaitInstances(server, "LEGACY-BILLING", 1, START).get(0);

            assertEquals("localhost:legacy-billing:" + port, instance.get("instanceId"), process.output());
            assertEquals("billing.legacy", instance.get("vipAddress"));
            assertEquals(Map.of("$", port, "@enabled", "true"), instance.get("port"));
            assertEquals(7, ((Map<?, ?>) instance.get("leaseInfo")).get("renewalIntervalInSecs"));
            assertEquals("payments", ((Map<?, ?>) instance.get("metadata")).get("team"));
            process.stop(START);
        }
    }

    @Test
    void initialStatusStartingRegistersStartingWithTheAsgAndAppGroupNames() throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int port = Project.freePort();
        try (ChildProcess process = AgentApp.testApp(server, "warming", port)
                .property("eureka.instance.initial-status", "starting")
                .property("eureka.instance.a-s-g-name", "warming-v042")
                .property("eureka.instance.app-group-name", "shop")
                .start("warming")) {
            Map<String, Object> instance = Registry.awaitInstances(server, "WARMING", 1, START).get(0);

            assertEquals("STARTING", instance.get("status"), instance.toString());
            assertEquals("warming-v042", instance.get("asgName"), instance.toString());
            assertEquals("SHOP", instance.get("appGroupName"), instance.toString());
            assertTrue(process.awaitLine("[eureka-agent] registered WARMING", START).text.contains("(STARTING)"),
                    process.output());
        }
    }

    @Test
    void shouldUnregisterOnShutdownFalseLeavesTheInstanceRegisteredAtExit() throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int keptPort = Project.freePort();
        int leftPort = Project.freePort();
        try (ChildProcess kept = AgentApp.testApp(server, "kept", keptPort)
                        .property("eureka.client.should-unregister-on-shutdown", "false").start("kept");
                ChildProcess left = AgentApp.testApp(server, "left", leftPort).start("left")) {
            Registry.awaitInstances(server, "KEPT", 1, START);
            Registry.awaitInstances(server, "LEFT", 1, START);

            kept.stop(START);
            left.stop(START);

            // Read past the server's cache, after both exits: the one that deregisters is gone, the other stays.
            String keptId = "localhost:kept:" + keptPort;
            assertEquals(null, Registry.instance(server, "LEFT", "localhost:left:" + leftPort));
            Map<String, Object> instance = Registry.instance(server, "KEPT", keptId);
            assertNotNull(instance, kept.output());
            assertEquals("UP", instance.get("status"));
            assertTrue(kept.output().contains("[eureka-agent] not deregistering " + keptId
                    + ": eureka.client.should-unregister-on-shutdown=false; Eureka drops it when its lease expires"),
                    kept.output());
        }
    }
}
