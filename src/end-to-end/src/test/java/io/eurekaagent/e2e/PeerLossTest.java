package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Production Eureka is a cluster of peers, often one per zone: the agent uses its own zone's server, and when that
 * one dies the instance lives on through the other peer.
 */
class PeerLossTest {
    private static final Duration START = Duration.ofSeconds(30);

    @Test
    void theSameZonePeerIsUsedAndAfterItDiesTheInstanceRenewsThroughTheOtherWithoutDuplicateOrGap() throws Exception {
        List<EurekaServer> peers = EurekaServer.startPeers();
        try (EurekaServer zoneA = peers.get(0); EurekaServer zoneB = peers.get(1)) {
            int port = Project.freePort();
            AgentApp app = AgentApp.testApp(zoneA, "clustered", port)
                    .property("eureka.client.service-url.zone-a", zoneA.serviceUrl())
                    .property("eureka.client.service-url.zone-b", zoneB.serviceUrl())
                    .property("eureka.client.availability-zones.us-east-1", "zone-a,zone-b")
                    .property("eureka.instance.metadata-map.zone", "zone-b")
                    .property("eureka.instance.lease-renewal-interval-in-seconds", "1")
                    .property("eureka.instance.lease-expiration-duration-in-seconds", "3");

            try (ChildProcess process = app.start("clustered")) {
                process.awaitLine("[eureka-agent] registered CLUSTERED", START);
                assertTrue(
                        process.output().contains("with " + zoneB.serviceUrl()),
                        "registered in its own zone:\n" + process.output());
                // Replication: zone A's peer learns of the instance from zone B's, not from the agent.
                Registry.awaitInstances(zoneA, "CLUSTERED", 1, START);
                String id = "localhost:clustered:" + port;
                long renewedBefore = lastRenewal(Registry.instance(zoneA, "CLUSTERED", id));

                zoneB.process().signal("KILL");
                process.awaitLine("now using " + zoneA.serviceUrl(), START);

                // For a few renewal intervals the survivor holds exactly one instance, UP, renewed by the agent itself.
                long watchUntil = System.nanoTime() + Duration.ofSeconds(4).toNanos();
                long renewedAfter = renewedBefore;
                while (System.nanoTime() < watchUntil) {
                    List<Map<String, Object>> instances = Registry.instances(zoneA, "CLUSTERED");
                    assertEquals(1, instances.size(), "instances on the surviving peer: " + instances);
                    assertEquals("UP", instances.get(0).get("status"));
                    renewedAfter = lastRenewal(Registry.instance(zoneA, "CLUSTERED", id));
                    Thread.sleep(100);
                }
                assertTrue(renewedAfter > renewedBefore, "the survivor saw no renewal after the peer died");
                assertTrue(
                        !process.output().contains("registered again"),
                        "renewed, not registered again:\n" + process.output());
                process.stop(START);
                assertEquals(List.of(), Registry.instances(zoneA, "CLUSTERED"), "deregistered through the survivor");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static long lastRenewal(Map<String, Object> instance) {
        Object value = ((Map<String, Object>) instance.get("leaseInfo")).get("lastRenewalTimestamp");
        return ((Number) value).longValue();
    }
}
