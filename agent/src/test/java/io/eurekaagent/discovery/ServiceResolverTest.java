package io.eurekaagent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which instance a service name goes to. */
class ServiceResolverTest {
    private static ServiceResolver resolver(String zone, boolean onlyUp, RegisteredInstance... instances) {
        Registry registry = Registry.of(List.of(instances));
        return new ServiceResolver(() -> registry, zone, onlyUp, Duration.ZERO);
    }

    @Test
    void upInstancesTakeTurns() throws Exception {
        ServiceResolver resolver = resolver(
                null,
                true,
                RegistryTest.instance("ORDERS", "o1", "UP", null, null),
                RegistryTest.instance("ORDERS", "o2", "DOWN", null, null),
                RegistryTest.instance("ORDERS", "o3", "UP", null, null));

        assertEquals(
                List.of("o1", "o3", "o1", "o3"),
                List.of(
                        resolver.choose("orders").instanceId(),
                        resolver.choose("ORDERS").instanceId(),
                        resolver.choose("orders").instanceId(),
                        resolver.choose("orders-vip").instanceId()));
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
        assertEquals(
                "orders: no UP instance of that name is registered in Eureka (1 registered, none UP)", e.getMessage());
    }

    @Test
    void withFilterOnlyUpOffEveryInstanceCounts() throws Exception {
        assertEquals(
                "o1",
                resolver(null, false, RegistryTest.instance("ORDERS", "o1", "DOWN", null, null))
                        .choose("orders")
                        .instanceId());
    }

    @Test
    void anUnknownNameIsNotOurs() throws Exception {
        assertNull(resolver(null, true).choose("orders"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders.internal", "127.0.0.1", "localhost", "LOCALHOST", "::1", "", "0", "2130706433"})
    void onlySingleLabelsOtherThanLocalhostMayBeServiceNames(String host) {
        assertFalse(ServiceResolver.mayBeServiceName(host));
        assertTrue(ServiceResolver.mayBeServiceName("orders"));
    }

    /** A copy whose first fetch ends while a call waits for it, or never, or failed: {@code fetched} after the wait. */
    private static RegistrySource source(Registry afterWait, boolean fetched, String lastFailure) {
        return new RegistrySource() {
            private Registry now = Registry.EMPTY;

            @Override
            public Registry registry() {
                return now;
            }

            @Override
            public boolean awaitFirstFetch(Duration timeout) {
                now = afterWait;
                return fetched;
            }

            @Override
            public String lastFailure() {
                return lastFailure;
            }
        };
    }

    @Test
    void aCallMadeBeforeTheFirstFetchEndedWaitsForIt() throws Exception {
        Registry fetched = Registry.of(List.of(RegistryTest.instance("ORDERS", "o1", "UP", null, null)));
        ServiceResolver resolver = new ServiceResolver(source(fetched, true, null), null, true, Duration.ofSeconds(5));

        assertEquals("o1", resolver.choose("orders").instanceId());
    }

    @Test
    void anUnknownNameSaysWhetherTheRegistryWasFetchedAndHowTheLastFetchWent() {
        assertEquals(
                "billing: not a known host, and the Eureka registry has not been fetched yet (waited 5000 ms)",
                new ServiceResolver(source(Registry.EMPTY, false, null), null, true, Duration.ofSeconds(5))
                        .whyUnknown("billing"));
        assertEquals(
                "billing: not a known host, and the Eureka registry has not been fetched yet (the fetch at 10:00:01"
                        + " (connection refused) failed)",
                new ServiceResolver(
                                source(Registry.EMPTY, false, "10:00:01 (connection refused)"),
                                null,
                                true,
                                Duration.ofSeconds(5))
                        .whyUnknown("billing"));
        assertEquals(
                "billing: not a known host, and no instance of that name is registered in Eureka (as last fetched; the"
                        + " fetch at 10:00:31 (HTTP 503) failed)",
                new ServiceResolver(
                                source(Registry.EMPTY, true, "10:00:31 (HTTP 503)"), null, true, Duration.ofSeconds(5))
                        .whyUnknown("billing"));
        assertEquals(
                "billing: not a known host, and no instance of that name is registered in Eureka",
                new ServiceResolver(source(Registry.EMPTY, true, null), null, true, Duration.ofSeconds(5))
                        .whyUnknown("billing"));
    }
}
