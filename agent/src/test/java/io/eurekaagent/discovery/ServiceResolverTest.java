package io.eurekaagent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which instance a service name goes to. */
class ServiceResolverTest {
    private static ServiceResolver resolver(String zone, boolean onlyUp, RegisteredInstance... instances) {
        Registry registry = Registry.of(List.of(instances));
        return new ServiceResolver(() -> registry, zone, onlyUp);
    }

    @Test
    void upInstancesTakeTurns() throws Exception {
        ServiceResolver resolver = resolver(null, true, RegistryTest.instance("ORDERS", "o1", "UP", null, null),
                RegistryTest.instance("ORDERS", "o2", "DOWN", null, null), RegistryTest.instance("ORDERS", "o3", "UP", null, null));

        assertEquals(List.of("o1", "o3", "o1", "o3"), List.of(resolver.choose("orders").instanceId(), resolver.choose("ORDERS").instanceId(),
                resolver.choose("orders").instanceId(), resolver.choose("orders-vip").instanceId()));
    }

    @Test
    void sameZoneInstancesComeFirstWhileAnyIsUp() throws Exception {
        ServiceResolver resolver = resolver("z2", true, RegistryTest.instance("ORDERS", "far", "UP", "z1", null),
                RegistryTest.instance("ORDERS", "near", "UP", "z2", null));

        assertEquals("near", resolver.choose("orders").instanceId());
        assertEquals("near", resolver.choose("orders").instanceId());
    }

    @Test
    void aRegisteredNameWithNoUpInstanceIsAnUnknownHostSayingSo() {
        ServiceResolver resolver = resolver(null, true, RegistryTest.instance("ORDERS", "o1", "DOWN", null, null));

        UnknownHostException e = assertThrows(UnknownHostException.class, () -> resolver.choose("orders"));
        assertEquals("orders: no UP instance of that name is registered in Eureka (1 registered, none UP)", e.getMessage());
    }

    @Test
    void withFilterOnlyUpOffEveryInstanceCounts() throws Exception {
        assertEquals("o1", resolver(null, false, RegistryTest.instance("ORDERS", "o1", "DOWN", null, null)).choose("orders").instanceId());
    }

    @Test
    void anUnknownNameIsNotOurs() throws Exception {
        assertNull(resolver(null, true).choose("orders"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders.internal", "10.0.0.1", "localhost", "LOCALHOST", "::1", "", "0", "2130706433"})
    void onlySingleLabelsOtherThanLocalhostMayBeServiceNames(String host) {
        assertFalse(ServiceResolver.mayBeServiceName(host));
        assertTrue(ServiceResolver.mayBeServiceName("orders"));
    }
}
