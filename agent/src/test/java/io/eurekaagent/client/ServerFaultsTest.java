package io.eurekaagent.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.eurekaagent.config.TransportKind;
import io.eurekaagent.testing.Poll;
import io.eurekaagent.testing.TestInstances.CapturedStderr;
import io.eurekaagent.testing.TestInstances;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults a real Eureka server will not produce on demand: whatever the first server does, the call moves on to its
 * peer, the line names what the first one did, and nothing escapes as an exception.
 */
@ParameterizedClass
@EnumSource(TransportKind.class)
class ServerFaultsTest {
    @Parameter
    TransportKind transport;

    @RegisterExtension
    static WireMockExtension broken = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    @RegisterExtension
    static WireMockExtension peer = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    enum ServerFault {
        HTTP_500(aResponse().withStatus(500), "HTTP 500"),
        HTML_ERROR_PAGE(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>503 Service Unavailable</h1></body></html>"), "HTTP 503"),
        CONNECTION_RESET(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), "Exception"),
        EMPTY_RESPONSE(aResponse().withFault(Fault.EMPTY_RESPONSE), "Exception"),
        GARBAGE_THEN_CLOSE(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), "Exception"),
        // Sent chunked to java.net.http; to HttpURLConnection, which asks to close, as a 200 with a garbage body.
        MALFORMED_CHUNK(
                aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK), "Exception|HTTP 200 where"),
        CAPTIVE_PORTAL(
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>Sign in</html>"),
                "HTTP 200 where a Eureka server answers 204 \\(is it one\\?\\)"),
        STALL(aResponse().withStatus(204).withFixedDelay(10_000), "no answer within");

        final ResponseDefinitionBuilder response;
        final Pattern described;

        ServerFault(ResponseDefinitionBuilder response, String described) {
            this.response = response;
            this.described = Pattern.compile(described);
        }
    }

    @BeforeEach
    void peerAnswers() {
        peer.stubFor(post("/eureka/apps/ORDERS").willReturn(aResponse().withStatus(204)));
    }

    @ParameterizedTest
    @EnumSource(ServerFault.class)
    void theRegistrationMovesOnToThePeerAndSaysWhy(ServerFault fault) throws Exception {
        broken.stubFor(any(anyUrl()).willReturn(fault.response));
        String brokenUrl = "http://agent:s3cret@127.0.0.1:" + broken.getPort() + "/eureka/";
        EurekaClient client =
                TestInstances.client(transport, brokenUrl, "http://127.0.0.1:" + peer.getPort() + "/eureka/");

        try (CapturedStderr log = new CapturedStderr()) {
            client.warmUp("orders");
            EurekaResponse response = client.register(TestInstances.orders(30));

            assertEquals(204, response.status());
            String line = log.text().lines().filter(l -> l.contains("now using")).findFirst().orElse(log.text());
            assertTrue(
                    line.contains("now using http://127.0.0.1:" + peer.getPort()
                            + "/eureka/ (http://agent:****@127.0.0.1:" + broken.getPort() + "/eureka/: "),
                    line);
            assertTrue(fault.described.matcher(line).find(), line);
            assertTrue(!log.text().contains("s3cret") && line.lines().count() == 1, log.text());
        }
    }

    @Test
    void aCallToAServerThatNeverAnswersHoldsBackNoOtherCall() throws Exception {
        broken.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(60_000)));
        peer.stubFor(delete(anyUrl()).willReturn(aResponse().withStatus(200)));
        Transport shared = TestInstances.transport(transport);
        // A page check of an app that accepts but never serves, running while the app shuts down.
        CompletableFuture<Object> stalled = CompletableFuture.supplyAsync(() -> {
            try {
                return shared.send("GET", URI.create(broken.baseUrl()), Map.of(), null, Duration.ofSeconds(30), 0);
            } catch (Exception e) {
                return e;
            }
        });
        // Until the stalled call has reached the broken server, so that it holds an HTTP thread.
        Poll.until(() -> !broken.getAllServeEvents().isEmpty(), () -> "the first call never reached the server");

        Transport.Answer deregistered = shared.send("DELETE", URI.create(peer.baseUrl() + "/eureka/apps/ORDERS/x"),
                Map.of(), null, Duration.ofSeconds(10), 0);

        assertEquals(200, deregistered.status());
        assertFalse(stalled.isDone());
    }

    @Test
    void aMalformedBodyOnSuccessIsStillASuccess() throws Exception {
        broken.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204).withBody("{\"not json")));

        EurekaResponse response = TestInstances.client(transport, "http://127.0.0.1:" + broken.getPort() + "/eureka/")
                .register(TestInstances.orders(30));

        assertTrue(response.isSuccess());
    }
}
