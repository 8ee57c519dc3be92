package io.eurekaagent.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.eurekaagent.config.TransportKind;
import io.eurekaagent.testing.TestInstances.CapturedStderr;
import io.eurekaagent.testing.TestInstances;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The full fetch, the deltas, the hash check that sends it back to a full fetch, and what a failure leaves. */
@ParameterizedClass
@EnumSource(TransportKind.class)
class RegistryCacheTest {
    @Parameter
    TransportKind transport;

    @RegisterExtension
    static WireMockExtension eureka = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true)).build();

    private static String registry(String hash, String... instances) {
        return "{\"applications\":{\"apps__hashcode\":\"" + hash
                + "\",\"application\":[{\"name\":\"ORDERS\",\"instance\":[" + String.join(",", instances) + "]}]}}";
    }

    private static String instance(String id, String status, String action) {
        return "{\"instanceId\":\"" + id + "\",\"app\":\"ORDERS\",\"hostName\":\"" + id
                + "\",\"ipAddr\":\"127.0.0.1\",\"status\":\"" + status
                + "\",\"port\":{\"$\":8080,\"@enabled\":\"true\"},\"actionType\":\"" + action + "\"}";
    }

    private RegistryCache cache() {
        return new RegistryCache(Duration.ofSeconds(30), RegistryLimits.ofThisJvm(), Clock.systemUTC())
                .fetchingFrom(TestInstances.client(transport, "http://127.0.0.1:" + eureka.getPort() + "/eureka/"));
    }

    @Test
    void aFullFetchThenDeltasAppliedWhileTheHashAgrees() {
        eureka.stubFor(get("/eureka/apps")
                .willReturn(aResponse().withBody(registry("UP_1_", instance("o1", "UP", "ADDED")))));
        eureka.stubFor(get("/eureka/apps/delta").willReturn(aResponse().withBody(
                registry("DOWN_1_UP_1_", instance("o2", "UP", "ADDED"), instance("o1", "DOWN", "MODIFIED")))));
        RegistryCache cache = cache();

        cache.refresh();
        cache.refresh();

        assertEquals("DOWN_1_UP_1_", cache.registry().hashCodeOfStatuses());
        eureka.verify(1, getRequestedFor(urlEqualTo("/eureka/apps")).withHeader("Accept-Encoding", equalTo("gzip"))
                .withHeader("Accept", equalTo("application/json")));
        eureka.verify(1, getRequestedFor(urlEqualTo("/eureka/apps/delta")));
    }

    @Test
    void aHashThatDiffersAfterTheDeltaMeansAFullFetch() {
        eureka.stubFor(get("/eureka/apps")
                .willReturn(aResponse().withBody(registry("UP_1_", instance("o1", "UP", "ADDED")))));
        eureka.stubFor(get("/eureka/apps/delta")
                .willReturn(aResponse().withBody(registry("UP_3_", instance("o2", "UP", "ADDED")))));
        RegistryCache cache = cache();

        cache.refresh();
        cache.refresh();

        eureka.verify(2, getRequestedFor(urlEqualTo("/eureka/apps")));
        assertEquals("UP_1_", cache.registry().hashCodeOfStatuses());
    }

    @Test
    void aRefusedOrUnreadableDeltaMeansAFullFetch() {
        eureka.stubFor(get("/eureka/apps")
                .willReturn(aResponse().withBody(registry("UP_1_", instance("o1", "UP", "ADDED")))));
        eureka.stubFor(get("/eureka/apps/delta").willReturn(aResponse().withStatus(403)));
        RegistryCache cache = cache();
        cache.refresh();
        cache.refresh();
        eureka.stubFor(get("/eureka/apps/delta").willReturn(aResponse().withBody("<html>oops</html>")));
        cache.refresh();

        eureka.verify(3, getRequestedFor(urlEqualTo("/eureka/apps")));
        assertEquals(1, cache.registry().size());
    }

    /** Issue 21, defect 6: an answer refused (here unreadable) is not fetched and read again at every interval. */
    @Test
    void afterEachFailureTheNextFetchWaitsTwiceAsLongUpToTenIntervalsAndASuccessResetsIt() {
        eureka.stubFor(get("/eureka/apps").willReturn(aResponse().withBody("{\"applications\":{\"application\":[[")));
        RegistryCache cache = cache();
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waits.add(cache.refresh());
        }
        eureka.stubFor(get("/eureka/apps")
                .willReturn(aResponse().withBody(registry("UP_1_", instance("o1", "UP", "ADDED")))));
        waits.add(cache.refresh());

        assertEquals(List.of(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240),
                Duration.ofSeconds(300), Duration.ofSeconds(300), Duration.ofSeconds(30)), waits);
        eureka.verify(6, getRequestedFor(urlEqualTo("/eureka/apps")));
    }

    @Test
    void aGzippedAnswerIsUnzipped() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(registry("UP_2_", instance("o1", "UP", "ADDED"), instance("o2", "UP", "ADDED"))
                    .getBytes(StandardCharsets.UTF_8));
        }
        eureka.stubFor(get("/eureka/apps")
                .willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(bytes.toByteArray())));
        RegistryCache cache = cache();

        cache.refresh();

        assertEquals(2, cache.registry().size());
    }

    @Test
    void whenTheServerFailsTheLastRegistryIsKeptAndTheFailureLoggedWithoutFlooding() {
        eureka.stubFor(get("/eureka/apps")
                .willReturn(aResponse().withBody(registry("UP_1_", instance("o1", "UP", "ADDED")))));
        RegistryCache cache = cache();
        cache.refresh();
        eureka.stubFor(get("/eureka/apps/delta").willReturn(aResponse().withStatus(503)));
        eureka.stubFor(get("/eureka/apps").willReturn(aResponse().withStatus(503)));

        try (CapturedStderr log = new CapturedStderr()) {
            for (int i = 0; i < 5; i++) {
                cache.refresh();
            }
            eureka.stubFor(get("/eureka/apps/delta").willReturn(aResponse().withBody(registry("UP_1_"))));
            cache.refresh();

            assertEquals(1, cache.registry().size());
            assertEquals(3, log.count("registry fetch failed"), log.text());
            assertEquals(3, log.count("keeping the last registry (1 instances)"), log.text());
            assertEquals(1, log.count("registry fetch works again after 5 failed attempts"), log.text());
        }
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content);
        }
        return bytes.toByteArray();
    }

    /**
     * A registry, then an answer past a bound: refused with one line, the last good registry kept, the next fetch made.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("answersPastABound")
    void anAnswerPastItsBoundsIsRefusedAndTheLastRegistryKept(String what, byte[] body, String line) {
        eureka.stubFor(get("/eureka/apps")
                .willReturn(aResponse().withBody(registry("UP_1_", instance("o1", "UP", "ADDED")))));
        RegistryCache cache = new RegistryCache(
                        Duration.ofSeconds(30), new RegistryLimits(1024 * 1024, 1_000), Clock.systemUTC())
                .fetchingFrom(TestInstances.client(transport, "http://127.0.0.1:" + eureka.getPort() + "/eureka/"));
        cache.refresh();
        eureka.stubFor(get("/eureka/apps/delta").willReturn(aResponse().withStatus(403)));
        eureka.stubFor(get("/eureka/apps")
                .willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(body)));

        try (CapturedStderr log = new CapturedStderr()) {
            cache.refresh();
            cache.refresh();

            assertEquals(1, cache.registry().size());
            assertEquals(1, log.count("registry fetch failed: "), log.text());
            assertTrue(log.text().contains(line), log.text());
            assertTrue(log.text().contains("keeping the last registry (1 instances)"), log.text());
        }
        eureka.verify(3, getRequestedFor(urlEqualTo("/eureka/apps")));
    }

    static Stream<Arguments> answersPastABound() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
            gzip.write('{');
            byte[] spaces = " ".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 80; i++) {
                gzip.write(spaces);
            }
        }
        StringBuilder tiny = new StringBuilder("{\"applications\":{\"application\":[{\"name\":\"A\",\"instance\":[");
        for (int i = 0; i < 5_000; i++) {
            tiny.append(i == 0 ? "" : ",").append("{\"instanceId\":\"").append(i).append("\",\"hostName\":\"h\"}");
        }
        tiny.append("]}]}}");
        String deep = "{\"applications\":{\"application\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}}";
        String longName = "{\"applications\":{\"application\":{\"name\":\"" + "x".repeat(100_000) + "\"}}}";
        byte[] incompressible = new byte[3 * 1024 * 1024 / 2];
        new Random(7).nextBytes(incompressible);
        return Stream.of(
                Arguments.of(
                        "an answer past the heap's share",
                        incompressible,
                        "is larger than 1 MB, the most a registry may take"),
                Arguments.of("a gzip bomb", bomb.toByteArray(), "unzips to more than 64 MB"),
                Arguments.of(
                        "many tiny instances",
                        gzip(tiny.toString().getBytes(StandardCharsets.UTF_8)),
                        "more than 1000 instances"),
                Arguments.of("deep nesting", gzip(deep.getBytes(StandardCharsets.UTF_8)), "nesting depth"),
                Arguments.of(
                        "a 100,000-character name",
                        gzip(longName.getBytes(StandardCharsets.UTF_8)),
                        "String value length"));
    }
}
