package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Production Eureka is a cluster of peers: when the one the agent talks to dies, the instance lives on through another. */
class PeerLossTest {
    private static final Duration START = Duration.ofSeconds(30);

    @Test
    void afterThePeerInUseDiesTheInstanceKeepsRenewingThroughTheOtherWithoutDuplicateOrGap() throws Exception {
        List<EurekaServer> peers = EurekaServer.startPeers();
        try (EurekaServer first = peers.get(0); EurekaServer second = peers.get(1)) {
            int port = Project.freePort();
            AgentApp app = AgentApp.testApp(first, "clustered", port)
                    .property("eureka.client.service-url.defaultZone", first.serviceUrl() + "," + second.serviceUrl())
                    .property("eureka.instance.lease-renewal-interval-in-seconds", "1")
                    .property("eureka.instance.lease-expiration-duration-in-seconds", "3");

            try (ChildProcess process = app.start("clustered")) {
                process.awaitLine("[eureka-agent] registered CLUSTERED", START);
                // Replication: the peer learns of the instance from the first server, not from the agent.
                Registry.awaitInstances(second, "CLUSTERED", 1, START);
                String id = "localhost:clustered:" + port;
                long renewedBefore = lastRenewal(Registry.instance(second, "CLUSTERED", id));

                first.process().signal("KILL");
                process.awaitLine("now using " + second.serviceUrl(), START);

                // For a few renewal intervals the survivor holds exactly one instance, UP, renewed by the agent itself.
                long watchUntil = System.nanoTime() + Duration.ofSeconds(4).toNanos();
                long renewedAfter = renewedBefore;
                while (System.nanoTime() < watchUntil) {
                    List<Map<String, Object>> instances = Registry.instances(second, "CLUSTERED");
                    assertEquals(1, instances.size(), "instances on the surviving peer: " + instances);
                    assertEquals("UP", instances.get(0).get("status"));
                    renewedAfter = lastRenewal(Registry.instance(second, "CLUSTERED", id));
                    Thread.sleep(100);
                }
                assertTrue(renewedAfter > renewedBefore, "the survivor saw no renewal after the peer died");
                assertTrue(!process.output().contains("registered again"), "renewed, not registered again:\n" + process.output());
                process.stop(START);
                assertEquals(List.of(), Registry.instances(second, "CLUSTERED"), "deregistered through the survivor");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static long lastRenewal(Map<String, Object> instance) {
        Object value = ((Map<String, Object>) instance.get("leaseInfo")).get("lastRenewalTimestamp");
        return ((Number) value).longValue();
    }
}
