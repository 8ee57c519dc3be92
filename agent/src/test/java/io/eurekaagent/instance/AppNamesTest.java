package io.eurekaagent.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppNamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "agent-test-app/target/agent-test-app.jar | agent-test-app",
        "/srv/orders-service-1.4.2-SNAPSHOT.jar --port 1 | orders-service",
        "C:\\apps\\billing.jar | billing",
        "com.example.orders.OrdersMain --debug | OrdersMain",
        "orders.module/com.example.Orders | Orders",
        "NULL | unknown",
        "'' | unknown",
    })
    void derivedFromTheMainJarOrClass(String command, String expected) {
        assertEquals(expected, AppNames.fromCommand(command));
    }
}
