package io.eurekaagent.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.eurekaagent.testing.Poll;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The default transport's own HTTP: what {@code HttpURLConnection} would do on its own that the agent must not. */
class UrlConnectionTransportTest {
    @RegisterExtension
    static WireMockExtension eureka = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    /** As premain does (the agent's surefire run opens the JDK's HTTP packages, as the agent opens them). */
    @BeforeAll
    static void reachIntoTheJdk() throws ReflectiveOperationException {
        JdkConnections.reach();
    }

    /** Issue 21: the JDK resends a DELETE whose socket fails, so closing one at its deadline deregistered twice. */
    @Test
    void aCallPastItsDeadlineReachesTheServerOnce() throws Exception {
        eureka.stubFor(delete("/eureka/apps/ORDERS/x").willReturn(aResponse().withStatus(200).withFixedDelay(60_000)));
        ExecutorService worker = Executors.newSingleThreadExecutor();
        Transport transport = new UrlConnectionTransport(Duration.ofSeconds(1), worker, null, null);

        assertThrows(TimeoutException.class, () -> transport.send("DELETE",
                URI.create(eureka.baseUrl() + "/eureka/apps/ORDERS/x"), Map.of(), null, Duration.ofMillis(300), 0));
        worker.shutdown();

        // Once the exchange has ended, a resent DELETE would have been written and read by the server.
        assertTrue(worker.awaitTermination(30, TimeUnit.SECONDS), "the exchange never ended");
        Poll.until(() -> !eureka.findAll(deleteRequestedFor(urlEqualTo("/eureka/apps/ORDERS/x"))).isEmpty(),
                () -> "no DELETE reached the server");
        eureka.verify(1, deleteRequestedFor(urlEqualTo("/eureka/apps/ORDERS/x")));
    }
}
