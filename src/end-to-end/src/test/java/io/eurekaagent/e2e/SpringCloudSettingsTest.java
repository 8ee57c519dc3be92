package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A service moved from Spring Cloud keeps its {@code eureka.*} settings, and the agent means by them what Spring Cloud
 * means (issue 23), on a real server.
 */
class SpringCloudSettingsTest {
    private static final Duration START = Duration.ofSeconds(30);

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
