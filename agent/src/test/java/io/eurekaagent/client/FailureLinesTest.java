package io.eurekaagent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.config.ServiceUrl;
import io.eurekaagent.testing.TestInstances;
import io.eurekaagent.testing.TestInstances.CapturedStderr;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever the first server's connection does (the JDK's exceptions as each transport throws them, or an unchecked
 * one out of the HTTP stack), the call moves on to the second and the line names the real cause.
 */
class FailureLinesTest {
    static Stream<Arguments> failures() {
        ConnectException unresolved = new ConnectException();
        unresolved.initCause(new UnresolvedAddressException());
        return Stream.of(
                Arguments.of(
                        new UnknownHostException("eureka-1"),
                        "unknown host 127.0.0.1 (no such name in DNS or /etc/hosts)"),
                Arguments.of(unresolved, "unknown host 127.0.0.1 (no such name in DNS or /etc/hosts)"),
                Arguments.of(new ConnectException("Connection refused"), "connection refused"),
                Arguments.of(new ConnectException(), "connection refused"),
                Arguments.of(new NoRouteToHostException("No route to host"), "no route to host"),
                Arguments.of(new ConnectException("Network is unreachable"), "network is unreachable"),
                Arguments.of(
                        new IllegalStateException("the app's ProxySelector threw"),
                        "IllegalStateException (the app's ProxySelector threw)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void movesOnAndSaysWhy(Exception failure, String described) throws Exception {
        Transport firstFails = new Transport() {
            @Override
            public Answer send(
                    String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout, int limit)
                    throws IOException {
                if (uri.getPort() == 1111) {
                    if (failure instanceof IOException) {
                        throw (IOException) failure;
                    }
                    throw (RuntimeException) failure;
                }
                return new Answer(204, new byte[0], null);
            }
        };
        List<ServiceUrl> servers = List.of(
                ServiceUrl.parse("http://127.0.0.1:1111/eureka/"), ServiceUrl.parse("http://127.0.0.1:2222/eureka/"));
        EurekaClient client =
                new EurekaClient(new ServerChoice(servers, Duration.ofSeconds(60)), firstFails, Duration.ofSeconds(1));

        try (CapturedStderr log = new CapturedStderr()) {
            assertEquals(204, client.register(TestInstances.orders(30)).status());
            assertTrue(
                    log.text()
                            .contains("now using http://127.0.0.1:2222/eureka/ (http://127.0.0.1:1111/eureka/: "
                                    + described + ")"),
                    log.text());
        }
    }
}
