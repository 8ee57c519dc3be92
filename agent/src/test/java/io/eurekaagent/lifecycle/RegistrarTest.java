package io.eurekaagent.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.client.EurekaUnavailableException;
import io.eurekaagent.client.Transport;
import io.eurekaagent.config.Status;
import io.eurekaagent.health.HealthCheck;
import io.eurekaagent.instance.InstanceInfo;
import io.eurekaagent.testing.Poll;
import io.eurekaagent.testing.ScriptedEureka;
import io.eurekaagent.testing.TestInstances.CapturedStderr;
import io.eurekaagent.testing.TestInstances;
import io.eurekaagent.threads.AgentThreads;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The registration lifecycle in virtual time against scripted Eureka calls: every call is asserted with the exact
 * millisecond it is made at, so the test neither waits nor depends on how busy the machine is.
 */
class RegistrarTest {
    /** The back-off's jitter source: 0.5 is no jitter at all (each step exactly 1, 2, 4 ... s). */
    private static final double NO_JITTER = 0.5;

    private final VirtualClock clock = new VirtualClock(Duration.ofSeconds(100));
    private final ScriptedEureka eureka = new ScriptedEureka(clock::nanoTime);
    private final Registrar registrar = new Registrar(Duration.ofSeconds(1), () -> NO_JITTER, clock, true);

    /** Runs the heartbeat loop on this thread until the clock's end, where the shutdown hook deregisters. */
    private void runUntilShutdown(InstanceInfo instance, HealthCheck health, Duration budget) {
        clock.atEnd(() -> registrar.deregister(budget));
        registrar.run(eureka, instance, health, 0);
    }

    @Test
    void registersRenewsEveryIntervalRegistersAgainAt404AndDeregistersOnce() throws Exception {
        eureka.answers("renew", 200, 404, 200);
        InstanceInfo instance = TestInstances.orders(30);

        try (CapturedStderr log = new CapturedStderr()) {
            runUntilShutdown(instance, null, Duration.ofSeconds(2));

            assertEquals(
                    List.of(
                            "0 register UP",
                            "30000 renew UP",
                            "60000 renew UP",
                            "60000 register UP",
                            "90000 renew UP",
                            "100000 cancel within 2000 ms"),
                    eureka.calls());
            List<Long> dirty = eureka.registeredDirty();
            assertTrue(dirty.get(1) > dirty.get(0), "a re-registration carries a newer lastDirtyTimestamp: " + dirty);
            assertEquals(1, log.count("] registered ORDERS instance web-1:orders:8080 at 127.0.0.5:8080 (UP) with"
                    + " http://agent:****@eureka-1:8761/eureka/ in 0 ms"), log.text());
            assertEquals(1, log.count("does not know web-1:orders:8080 (restarted or expired it); registering again"));
            assertEquals(1, log.count("] registered again ORDERS"));
            assertEquals(
                    1, log.count("] deregistered ORDERS instance web-1:orders:8080 from http://agent:****@eureka-1"));
            assertFalse(log.text().contains("s3cret"), log.text());
        }
    }

    @Test
    void aStatusPageDroppedAfterTheRegistrationIsSentAtOnceAndOnlyOnce() throws Exception {
        InstanceInfo instance = TestInstances.orders(30);
        AtomicInteger registrations = new AtomicInteger();
        // The page check finds the home page missing while the first registration is in flight.
        eureka.duringRegistration(() -> {
            if (registrations.incrementAndGet() == 1) {
                instance.dropStatusPage();
                registrar.instanceChanged();
            }
        });

        try (CapturedStderr log = new CapturedStderr()) {
            runUntilShutdown(instance, null, Duration.ofSeconds(2));

            assertEquals(List.of("0 register UP", "0 register UP without status page", "30000 renew UP",
                    "60000 renew UP", "90000 renew UP", "100000 cancel within 2000 ms"), eureka.calls());
            assertEquals(1, log.count("] the changed instance sent to http://agent:****@eureka-1:8761/eureka/ for"
                    + " web-1:orders:8080"), log.text());
        }
    }

    @Test
    void aFailedRegistrationBacksOffDoublingUpToTheRenewalIntervalAndThenRenewsOnSchedule() throws Exception {
        eureka.answers("register", 503, 503, 503, 503, 503, 204);

        try (CapturedStderr log = new CapturedStderr()) {
            runUntilShutdown(TestInstances.orders(10), null, Duration.ofSeconds(2));

            assertEquals(
                    List.of(
                            "0 register UP",
                            "1000 register UP",
                            "3000 register UP",
                            "7000 register UP",
                            "15000 register UP",
                            "25000 register UP",
                            "35000 renew UP",
                            "45000 renew UP",
                            "55000 renew UP",
                            "65000 renew UP",
                            "75000 renew UP",
                            "85000 renew UP",
                            "95000 renew UP",
                            "100000 cancel within 2000 ms"),
                    eureka.calls());
            assertEquals(3, log.count("registration failed"), log.text());
            assertEquals(1, log.count("registration failed 4 times in a row: HTTP 503 from"), log.text());
            assertEquals(1, log.count("Eureka answers again after 5 failed attempts"), log.text());
        }
    }

    @Test
    void theBackOffStartsOverAfterASuccess() throws Exception {
        eureka.answers("register", 503, 503, 204, 503, 204).answers("renew", 200, 404, 200);

        runUntilShutdown(TestInstances.orders(30), null, Duration.ofSeconds(2));

        assertEquals(List.of("0 register UP", "1000 register UP", "3000 register UP", "33000 renew UP",
                "63000 renew UP", "63000 register UP", "64000 register UP", "94000 renew UP",
                "100000 cancel within 2000 ms"), eureka.calls());
    }

    @Test
    void aFailedHeartbeatIsRetriedAtTheNextBeatAndLoggedWithoutFlooding() throws Exception {
        Object down = new EurekaUnavailableException("http://agent:****@eureka-1:8761/eureka/: connection refused");
        eureka.answers("renew", 500, down, 500, 500, 500, 200);

        try (CapturedStderr log = new CapturedStderr()) {
            runUntilShutdown(TestInstances.orders(10), null, Duration.ofSeconds(2));

            assertEquals(
                    List.of(
                            "0 register UP",
                            "10000 renew UP",
                            "20000 renew UP",
                            "30000 renew UP",
                            "40000 renew UP",
                            "50000 renew UP",
                            "60000 renew UP",
                            "70000 renew UP",
                            "80000 renew UP",
                            "90000 renew UP",
                            "100000 cancel within 2000 ms"),
                    eureka.calls());
            assertEquals(3, log.count("heartbeat failed"), log.text());
            assertEquals(
                    1, log.count("heartbeat failed: HTTP 500 from http://agent:****@eureka-1:8761/eureka/; retrying"));
            assertEquals(1, log.count("heartbeat failed 2 times in a row: http://agent:****@eureka-1:8761/eureka/:"
                    + " connection refused; retrying"), log.text());
            assertEquals(1, log.count("heartbeat failed 4 times in a row"));
            assertEquals(1, log.count("Eureka answers again after 5 failed attempts"), log.text());
        }
    }

    @Test
    void aRefusedHeartbeatIsAWarningAndARegistrationAtOnce() throws Exception {
        eureka.answers("renew", 400, 200);

        try (CapturedStderr log = new CapturedStderr()) {
            runUntilShutdown(TestInstances.orders(40), null, Duration.ofSeconds(2));

            assertEquals(List.of("0 register UP", "40000 renew UP", "40000 register UP", "80000 renew UP",
                    "100000 cancel within 2000 ms"), eureka.calls());
            assertEquals(1, log.count("WARN heartbeat failed: HTTP 400 from http://agent:****@eureka-1:8761/eureka/;"
                    + " registering again"), log.text());
        }
    }

    @Test
    void anErrorOutOfTheHttpStackIsOneFailedAttemptAndTheLoopGoesOn() throws Exception {
        OutOfMemoryError error = new OutOfMemoryError("Java heap space (a test's)");
        eureka.answers("register", error, new IllegalStateException("a proxy selector's"), 204);

        try (CapturedStderr log = new CapturedStderr()) {
            runUntilShutdown(TestInstances.orders(30), null, Duration.ofSeconds(2));

            assertEquals(List.of("0 register UP", "1000 register UP", "3000 register UP", "33000 renew UP",
                    "63000 renew UP", "93000 renew UP", "100000 cancel within 2000 ms"), eureka.calls());
            assertEquals(
                    1,
                    log.count("heartbeat failed: unexpected java.lang.OutOfMemoryError: Java heap space (a test's);"
                            + " retrying"),
                    log.text());
            assertEquals(1, log.count("heartbeat failed 2 times in a row: unexpected java.lang.IllegalStateException"),
                    log.text());
        }
    }

    @Test
    void healthChangesArePushedAtOnceWithANewerLastDirtyTimestamp() throws Exception {
        InstanceInfo instance = TestInstances.orders(30);
        instance.setStatus(Status.STARTING);
        // Checked at 0 and 250 ms while starting (503: still STARTING), 750 ms (UP), then every 20 s.
        HealthCheck health = health(Duration.ofSeconds(20), 503, 503, 200, 200, 500, 500, 200);

        try (CapturedStderr log = new CapturedStderr()) {
            runUntilShutdown(instance, health, Duration.ofSeconds(2));

            assertEquals(List.of("0 register STARTING", "750 register UP", "30000 renew UP", "40750 register DOWN",
                    "60000 renew DOWN", "80750 register UP", "90000 renew UP", "100000 cancel within 2000 ms"),
                    eureka.calls());
            List<Long> dirty = eureka.registeredDirty();
            assertTrue(dirty.get(0) < dirty.get(1) && dirty.get(1) < dirty.get(2) && dirty.get(2) < dirty.get(3),
                    dirty.toString());
            assertEquals(1, log.count("status STARTING -> UP (http://127.0.0.1:8080/health: HTTP 200)"), log.text());
            assertEquals(1, log.count("status UP -> DOWN (http://127.0.0.1:8080/health: HTTP 500)"), log.text());
        }
    }

    /** Spring Cloud's on-demand-update-status-change=false: a change goes in place of the next heartbeat. */
    @Test
    void withChangesNotSentAtOnceAHealthChangeGoesWithTheNextHeartbeat() throws Exception {
        Registrar atBeats = new Registrar(Duration.ofSeconds(1), () -> NO_JITTER, clock, false);
        InstanceInfo instance = TestInstances.orders(30);
        instance.setStatus(Status.STARTING);
        HealthCheck health = health(Duration.ofSeconds(20), 503, 200, 200, 500, 500, 200);

        clock.atEnd(() -> atBeats.deregister(Duration.ofSeconds(2)));
        atBeats.run(eureka, instance, health, 0);

        assertEquals(List.of("0 register STARTING", "30000 register UP", "60000 register DOWN", "90000 register UP",
                "100000 cancel within 2000 ms"), eureka.calls());
    }

    @Test
    void aFlappingHealthIsPushedAtMostFourTimesAMinuteInBurstsOfFour() throws Exception {
        // Checked every second, and the answer flips each time.
        AtomicInteger checks = new AtomicInteger();
        HealthCheck health = health(Duration.ofSeconds(1), () -> checks.getAndIncrement() % 2 == 0 ? 200 : 500);

        runUntilShutdown(TestInstances.orders(30), health, Duration.ofSeconds(2));

        List<String> pushes = eureka.calls().stream().filter(call -> call.contains("register")).skip(1)
                .collect(Collectors.toList());
        assertEquals(List.of("1000 register DOWN", "2000 register UP", "3000 register DOWN", "4000 register UP",
                "15000 register DOWN", "30000 register UP", "45000 register DOWN", "60000 register UP",
                "75000 register DOWN", "90000 register UP"), pushes);
    }

    @Test
    void theDeregistrationGetsWhatIsLeftOfTheBudgetAndItsDurationIsLogged() throws Exception {
        eureka.answers("cancel", 200);
        InstanceInfo instance = TestInstances.orders(30);

        try (CapturedStderr log = new CapturedStderr()) {
            clock.atEnd(() -> {
                clock.advance(Duration.ofMillis(300));
                registrar.deregister(Duration.ofMillis(1500));
            });
            registrar.run(eureka, instance, null, 0);

            assertEquals("100300 cancel within 1500 ms", eureka.calls().get(eureka.calls().size() - 1));
            assertTrue(registrar.isClosing());
        }
    }

    @Test
    void anUnreachableServerAtShutdownIsOneLineAndTheLeaseDoesTheRest() throws Exception {
        eureka.answers(
                "cancel",
                new EurekaUnavailableException("http://agent:****@eureka-1:8761/eureka/: no answer within 2000 ms"));

        try (CapturedStderr log = new CapturedStderr()) {
            runUntilShutdown(TestInstances.orders(30), null, Duration.ofSeconds(2));

            assertEquals(
                    1,
                    log.count("could not deregister web-1:orders:8080 (http://agent:****@eureka-1:8761/eureka/: no"
                            + " answer within 2000 ms); Eureka drops it when its lease expires"),
                    log.text());
        }
    }

    /** Issue 21, defect 5: the drain's DELETE timed out; the shutdown hook's must not spend the budget again. */
    @Test
    void aDeregistrationThatFailedIsNotTriedAgainAtExit() throws Exception {
        eureka.answers("cancel", new EurekaUnavailableException("http://eureka-1:8761/eureka/: no answer in 2000 ms"));

        try (CapturedStderr log = new CapturedStderr()) {
            clock.atEnd(() -> {
                registrar.deregister(Duration.ofSeconds(2));
                registrar.deregister(Duration.ofSeconds(2));
            });
            registrar.run(eureka, TestInstances.orders(30), null, 0);

            assertEquals(1, eureka.calls().stream().filter(call -> call.contains("cancel")).count(),
                    eureka.calls().toString());
            assertEquals(1, log.count("could not deregister"), log.text());
        }
    }

    @Test
    void aZeroBudgetSkipsTheDeregistrationAndSaysSo() throws Exception {
        try (CapturedStderr log = new CapturedStderr()) {
            runUntilShutdown(TestInstances.orders(30), null, Duration.ZERO);

            assertFalse(eureka.calls().toString().contains("cancel"), eureka.calls().toString());
            assertEquals(1, log.count("not deregistering web-1:orders:8080: eureka.agent.shutdown-timeout-ms=0;"
                    + " Eureka drops it when its lease expires"), log.text());
        }
    }

    /** Spring Cloud's should-unregister-on-shutdown=false: the loop stops, the lease ends the instance. */
    @Test
    void stoppingTheRenewalsDeletesNothingAndSaysWhy() throws Exception {
        try (CapturedStderr log = new CapturedStderr()) {
            clock.atEnd(() -> registrar.stopRenewing("eureka.client.should-unregister-on-shutdown=false"));
            registrar.run(eureka, TestInstances.orders(30), null, 0);

            assertEquals(List.of("0 register UP", "30000 renew UP", "60000 renew UP", "90000 renew UP"),
                    eureka.calls());
            assertTrue(registrar.isClosing());
            assertEquals(1, log.count("not deregistering web-1:orders:8080:"
                    + " eureka.client.should-unregister-on-shutdown=false; Eureka drops it when its lease expires"),
                    log.text());
        }
    }

    @Test
    void nothingIsDeletedWhenNothingWasRegistered() {
        registrar.deregister(Duration.ofSeconds(1));

        assertTrue(registrar.isClosing());
        assertEquals(List.of(), eureka.calls());
    }

    @Test
    void aDeregistrationWaitsForTheRegistrationInFlightSoThatItDeletesIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        eureka.duringRegistration(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            eureka.note("registration answered");
        });
        InstanceInfo instance = TestInstances.orders(30);
        Thread heartbeat = AgentThreads.newThread("heartbeat", () -> registrar.run(eureka, instance, null, 0));
        heartbeat.start();
        Poll.until(() -> eureka.calls().size() == 1, eureka::calls);
        Thread shutdown = AgentThreads.newThread("shutdown", () -> registrar.deregister(Duration.ofSeconds(60)));
        shutdown.start();
        // Released once the shutdown thread waits (for the registration) or, if it did not wait, has finished.
        Poll.until(() -> shutdown.getState() == Thread.State.TIMED_WAITING
                || shutdown.getState() == Thread.State.TERMINATED, shutdown::getState);
        release.countDown();
        shutdown.join(TimeUnit.SECONDS.toMillis(30));
        heartbeat.join(TimeUnit.SECONDS.toMillis(30));

        assertFalse(shutdown.isAlive() || heartbeat.isAlive());
        assertEquals(List.of("0 register UP", "registration answered", "0 cancel within 60000 ms"), eureka.calls());
    }

    /** A health check of http://127.0.0.1:8080/health that answers these statuses in turn, then the last one. */
    private static HealthCheck health(Duration interval, int... statuses) {
        Deque<Integer> script = new ArrayDeque<>();
        for (int status : statuses) {
            script.add(status);
        }
        return health(interval, () -> script.size() > 1 ? script.poll() : script.peek());
    }

    private static HealthCheck health(Duration interval, IntSupplier statuses) {
        Transport transport = new Transport() {
            @Override
            public Answer send(
                    String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout, int limit) {
                return new Answer(statuses.getAsInt(), new byte[0], null);
            }
        };
        return new HealthCheck(transport, URI.create("http://127.0.0.1:8080/health"), interval);
    }
}
