package io.eurekaagent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a registry entry may hand the app to connect to, decided without DNS. */
class CallableAddressTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "orders-1.internal | true",
        "ip-10-0-0-1.ec2.internal. | true",
        "10.0.0.1 | true",
        "fd00::1 | true",
        "[fd00::1] | true",
        "169.254.169.254 | false",
        "fe80::1 | false",
        "'' | false",
        "a/b?c | false",
        "web 1 | false",
        "0 | false",
        "2130706433 | false",
        "127.1 | false",
        "1.2.3.4.5 | false",
        "300.1.1.1 | false",
        ".orders | false",
        "-orders | false",
        "a..b | false",
        "g::1 | false",
        ":: | true",
    })
    void host(String host, boolean callable) {
        assertEquals(callable, CallableAddress.host(host));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, true", "65535, true", "0, false", "-5, false", "99999, false"})
    void port(int port, boolean callable) {
        assertEquals(callable, CallableAddress.port(port));
    }
}
