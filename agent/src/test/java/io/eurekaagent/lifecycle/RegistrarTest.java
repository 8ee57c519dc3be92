package io.eurekaagent.lifecycle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.eurekaagent.client.EurekaClient;
import io.eurekaagent.client.ServerChoice;
import io.eurekaagent.client.ServiceUrl;
import io.eurekaagent.client.Transport;
import io.eurekaagent.health.HealthCheck;
import io.eurekaagent.instance.InstanceInfo;
import io.eurekaagent.instance.Status;
import io.eurekaagent.lifecycle.TestInstances.CapturedStderr;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The registration lifecycle against a scripted server: register, heartbeat, 404, register again, deregister. */
class RegistrarTest {
    private static final String INSTANCE = "/eureka/apps/ORDERS/web-1:orders:8080";

    @RegisterExtension
    static WireMockExtension eureka = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private String url() {
        return "http://agent:s3cret@127.0.0.1:" + eureka.getPort() + "/eureka/";
    }

    private static Thread start(Registrar registrar, EurekaClient client, InstanceInfo instance) {
        Thread thread = AgentThreads.newThread("heartbeat", () -> registrar.run(client, instance, null, 0));
        thread.start();
        return thread;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void registersRenewsRegistersAgainAfter404AndDeregisters() throws Exception {
        eureka.stubFor(post("/eureka/apps/ORDERS").willReturn(aResponse().withStatus(204)));
        eureka.stubFor(put(urlPathEqualTo(INSTANCE)).willReturn(aResponse().withStatus(200)));
        eureka.stubFor(delete(INSTANCE).willReturn(aResponse().withStatus(200)));
        InstanceInfo instance = TestInstances.orders(1);
        long firstDirty = instance.lastDirtyTimestamp();
        Registrar registrar = new Registrar();

        try (CapturedStderr log = new CapturedStderr()) {
            Thread heartbeat = start(registrar, TestInstances.client(url()), instance);
            await("two heartbeats", () -> eureka.findAll(putRequestedFor(urlPathEqualTo(INSTANCE))).size() >= 2);

            // The server restarted empty: the next heartbeat is answered 404.
            eureka.stubFor(put(urlPathEqualTo(INSTANCE)).willReturn(aResponse().withStatus(404)));
            await("a second registration", () -> eureka.findAll(postRequestedFor(urlEqualTo("/eureka/apps/ORDERS"))).size() == 2);
            eureka.stubFor(put(urlPathEqualTo(INSTANCE)).willReturn(aResponse().withStatus(200)));

            registrar.deregister(Duration.ofSeconds(2));
            heartbeat.join(2_000);

            assertFalse(heartbeat.isAlive());
            eureka.verify(1, deleteRequestedFor(urlEqualTo(INSTANCE)));
            List<LoggedRequest> registrations = eureka.findAll(postRequestedFor(urlEqualTo("/eureka/apps/ORDERS")));
            assertTrue(registrations.get(1).getBodyAsString().contains("\"lastDirtyTimestamp\":\"" + instance.lastDirtyTimestamp() + "\""));
            assertTrue(instance.lastDirtyTimestamp() > firstDirty, "a re-registration carries a newer lastDirtyTimestamp");
            assertEquals(1, log.count("] registered ORDERS instance web-1:orders:8080 at 10.0.0.5:8080 (UP) with http://agent:****@127.0.0.1:"));
            assertEquals(1, log.count("does not know web-1:orders:8080 (restarted or expired it); registering again"));
            assertEquals(1, log.count("] registered again ORDERS"));
            assertEquals(1, log.count("] deregistered ORDERS instance web-1:orders:8080 from http://agent:****@127.0.0.1:"));
            assertFalse(log.text().contains("s3cret"), log.text());
        }
    }

    @Test
    void failingHeartbeatsAreRetriedEachBeatAndLoggedWithoutFlooding() throws Exception {
        eureka.stubFor(post("/eureka/apps/ORDERS").willReturn(aResponse().withStatus(204)));
        eureka.stubFor(put(urlPathEqualTo(INSTANCE)).willReturn(aResponse().withStatus(500).withBody("<html>boom</html>")));
        Registrar registrar = new Registrar();

        try (CapturedStderr log = new CapturedStderr()) {
            start(registrar, TestInstances.client(url()), TestInstances.orders(1));
            await("five failed heartbeats", () -> eureka.findAll(putRequestedFor(urlPathEqualTo(INSTANCE))).size() >= 5);
            eureka.stubFor(put(urlPathEqualTo(INSTANCE)).willReturn(aResponse().withStatus(200)));
            await("recovery", () -> log.count("Eureka answers again") == 1);
            registrar.deregister(Duration.ZERO);

            // Failures 1, 2 and 4 of the streak are logged, not every one.
            assertEquals(3, log.count("heartbeat failed"), log.text());
            assertEquals(1, log.count("heartbeat failed: http://agent:****@127.0.0.1:" + eureka.getPort() + "/eureka/: HTTP 500; retrying"));
            assertEquals(1, log.count("heartbeat failed 4 times in a row"));
        }
    }

    @Test
    void a503StormIsRiddenOutWithGrowingBackOffAndTheInstanceRegistersOnceItEnds() throws Exception {
        eureka.stubFor(post("/eureka/apps/ORDERS").willReturn(aResponse().withStatus(503).withBody("<html>busy</html>")));
        // No jitter: the waits are exactly 200, 400, 800, 1,600 ms, and a loaded machine can only make gaps longer.
        Registrar registrar = new Registrar(Duration.ofMillis(200), () -> 0.5);

        try (CapturedStderr log = new CapturedStderr()) {
            start(registrar, TestInstances.client(url()), TestInstances.orders(4));
            await("five refused registrations", () -> eureka.findAll(postRequestedFor(urlEqualTo("/eureka/apps/ORDERS"))).size() >= 5);
            eureka.stubFor(post("/eureka/apps/ORDERS").willReturn(aResponse().withStatus(204)));
            await("the registration", () -> log.count("registered ORDERS") == 1);
            registrar.deregister(Duration.ofSeconds(1));

            List<Long> times = eureka.findAll(postRequestedFor(urlEqualTo("/eureka/apps/ORDERS"))).stream()
                    .map(request -> request.getLoggedDate().getTime()).collect(Collectors.toList());
            // Attempts start a step of the doubling back-off apart (the cap, 4 s, comes later); the server sees them
            // a request's latency later, so half a step is allowed for that, never more: the waits grow as they should.
            for (int i = 1; i < 5; i++) {
                long step = 200L << (i - 1);
                assertTrue(times.get(i) - times.get(i - 1) >= step / 2, "waits between attempts " + times + ", step " + step);
            }
            assertTrue(log.count("registration failed") <= 4, log.text());
            assertEquals(1, log.count("Eureka answers again after"), log.text());
        }
    }

    @Test
    void aRejectedRegistrationIsReportedWithTheServersReason() throws Exception {
        eureka.stubFor(post("/eureka/apps/ORDERS").willReturn(aResponse().withStatus(400).withBody("Missing dataCenterInfo")));
        Registrar registrar = new Registrar();

        try (CapturedStderr log = new CapturedStderr()) {
            start(registrar, TestInstances.client(url()), TestInstances.orders(1));
            await("the failure line", () -> log.count("registration failed") == 1);
            registrar.deregister(Duration.ofSeconds(1));

            assertTrue(log.text().contains("registration failed: HTTP 400 from http://agent:****@127.0.0.1:" + eureka.getPort()
                    + "/eureka/: Missing dataCenterInfo; retrying"), log.text());
            eureka.verify(0, deleteRequestedFor(urlEqualTo(INSTANCE)));
        }
    }

    @Test
    void deregistrationReturnsWithinItsBudgetWhenTheServerStalls() throws Exception {
        eureka.stubFor(post("/eureka/apps/ORDERS").willReturn(aResponse().withStatus(204)));
        eureka.stubFor(delete(INSTANCE).willReturn(aResponse().withStatus(200).withFixedDelay(10_000)));
        Registrar registrar = new Registrar();

        try (CapturedStderr log = new CapturedStderr()) {
            start(registrar, TestInstances.client(url()), TestInstances.orders(30));
            await("registration", () -> log.count("registered ORDERS") == 1);
            long start = System.nanoTime();
            registrar.deregister(Duration.ofMillis(500));
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            assertTrue(tookMs < 900, "took " + tookMs + " ms");
            assertEquals(1, log.count("could not deregister web-1:orders:8080"), log.text());
        }
    }

    @Test
    void healthChangesArePushedAtOnceWithANewerLastDirtyTimestamp() throws Exception {
        eureka.stubFor(post("/eureka/apps/ORDERS").willReturn(aResponse().withStatus(204)));
        eureka.stubFor(put(urlPathEqualTo(INSTANCE)).willReturn(aResponse().withStatus(200)));
        eureka.stubFor(get("/app/health").willReturn(aResponse().withStatus(503)));
        InstanceInfo instance = TestInstances.orders(30);
        instance.setStatus(Status.STARTING);
        HealthCheck health = new HealthCheck(TestInstances.transport(Transport.Kind.URL_CONNECTION),
                URI.create("http://127.0.0.1:" + eureka.getPort() + "/app/health"), Duration.ofMillis(200));
        Registrar registrar = new Registrar();

        try (CapturedStderr log = new CapturedStderr()) {
            AgentThreads.newThread("heartbeat", () -> registrar.run(TestInstances.client(url()), instance, health, 0)).start();
            await("registered STARTING", () -> registrations().size() == 1);
            eureka.stubFor(get("/app/health").willReturn(aResponse().withStatus(200)));
            await("UP pushed", () -> registrations().size() == 2);
            eureka.stubFor(get("/app/health").willReturn(aResponse().withStatus(500)));
            await("DOWN pushed", () -> registrations().size() == 3);
            registrar.deregister(Duration.ofSeconds(1));

            List<String> statuses = registrations().stream().map(r -> r.getBodyAsString().replaceAll(".*\"status\":\"(\\w+)\".*", "$1"))
                    .collect(Collectors.toList());
            assertEquals(List.of("STARTING", "UP", "DOWN"), statuses);
            List<Long> dirty = registrations().stream()
                    .map(r -> Long.parseLong(r.getBodyAsString().replaceAll(".*\"lastDirtyTimestamp\":\"(\\d+)\".*", "$1")))
                    .collect(Collectors.toList());
            assertTrue(dirty.get(0) < dirty.get(1) && dirty.get(1) < dirty.get(2), dirty.toString());
            assertEquals(1, log.count("status STARTING -> UP"));
            assertEquals(1, log.count("status UP -> DOWN (http://127.0.0.1:" + eureka.getPort() + "/app/health: HTTP 500)"));
        }
    }

    private static List<LoggedRequest> registrations() {
        return eureka.findAll(postRequestedFor(urlEqualTo("/eureka/apps/ORDERS")));
    }

    @Test
    void nothingIsDeletedWhenNothingWasRegistered() throws Exception {
        Registrar registrar = new Registrar();
        registrar.deregister(Duration.ofSeconds(1));

        assertTrue(registrar.isClosing());
        assertEquals(0, eureka.getAllServeEvents().size());
    }

    @Test
    void anErrorOutOfTheHttpStackIsOneFailedAttemptAndTheLoopGoesOn() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Transport failingTwice = new Transport() {
            @Override
            public Answer send(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout, int limit) {
                if (calls.incrementAndGet() <= 2) {
                    throw new OutOfMemoryError("Java heap space (a test's)");
                }
                return new Answer(method.equals("POST") ? 204 : 200, new byte[0], null);
            }
        };
        EurekaClient client = new EurekaClient(new ServerChoice(List.of(ServiceUrl.parse(url())), Duration.ofSeconds(60)),
                failingTwice, Duration.ofSeconds(1));
        Registrar registrar = new Registrar(Duration.ofMillis(10), () -> 0.5);

        try (CapturedStderr log = new CapturedStderr()) {
            Thread heartbeat = start(registrar, client, TestInstances.orders(30));
            await("registered after two errors", () -> log.count("] registered ORDERS") == 1);
            registrar.deregister(Duration.ofSeconds(1));
            heartbeat.join(2_000);

            assertFalse(heartbeat.isAlive());
            assertEquals(1, log.count("heartbeat failed: unexpected java.lang.OutOfMemoryError: Java heap space (a test's); retrying"),
                    log.text());
            assertEquals(1, log.count("heartbeat failed 2 times in a row"), log.text());
        }
    }

    @Test
    void aRefusedHeartbeatIsReportedAndTheInstanceRegisteredAgain() throws Exception {
        eureka.stubFor(post("/eureka/apps/ORDERS").willReturn(aResponse().withStatus(204)));
        eureka.stubFor(put(urlPathEqualTo(INSTANCE)).willReturn(aResponse().withStatus(400).withBody("bad request")));
        eureka.stubFor(delete(INSTANCE).willReturn(aResponse().withStatus(200)));
        Registrar registrar = new Registrar();

        try (CapturedStderr log = new CapturedStderr()) {
            Thread heartbeat = start(registrar, TestInstances.client(url()), TestInstances.orders(1));
            await("a registration after the refused heartbeat", () -> registrations().size() >= 2);
            registrar.deregister(Duration.ofSeconds(2));
            heartbeat.join(2_000);

            assertTrue(log.text().contains("WARN heartbeat failed: HTTP 400 from http://agent:****@127.0.0.1:" + eureka.getPort()
                    + "/eureka/: bad request; registering again"), log.text());
        }
    }
}
