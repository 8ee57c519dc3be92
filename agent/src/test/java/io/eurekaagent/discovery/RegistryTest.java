package io.eurekaagent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lookups by app name and VIP, deltas applied in order, and Eureka's reconciliation hash. */
class RegistryTest {
    static RegisteredInstance instance(
            String app, String id, String status, String zone, RegisteredInstance.Action action) {
        return new RegisteredInstance(
                app,
                id,
                id,
                "127.0.0.1",
                status,
                8080,
                true,
                443,
                false,
                app.toLowerCase() + "-vip",
                null,
                zone,
                0,
                action,
                true);
    }

    @Test
    void instancesAreFoundByAppNameOrVipInAnyCase() {
        Registry registry = Registry.of(List.of(instance("ORDERS", "o1", "UP", null, null)));

        assertEquals(1, registry.named("orders").size());
        assertEquals(1, registry.named("ORDERS-VIP").size());
        assertTrue(registry.named("payments").isEmpty());
    }

    @Test
    void aDeltaAddsModifiesAndDeletesInOrderAndLeavesTheOldViewAlone() {
        Registry before = Registry.of(
                List.of(instance("ORDERS", "o1", "UP", null, null), instance("ORDERS", "o2", "UP", null, null)));

        Registry after = before.apply(List.of(
                instance("ORDERS", "o3", "STARTING", null, RegisteredInstance.Action.ADDED),
                instance("ORDERS", "o1", "DOWN", null, RegisteredInstance.Action.MODIFIED),
                instance("ORDERS", "o2", "UP", null, RegisteredInstance.Action.DELETED),
                instance("ORDERS", "o3", "UP", null, RegisteredInstance.Action.MODIFIED)));

        assertEquals("DOWN_1_UP_1_", after.hashCodeOfStatuses());
        assertEquals("UP_2_", before.hashCodeOfStatuses());
        assertEquals(2, after.size());
    }
}
