package io.eurekaagent.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.testing.TestInstances;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SIGTERM with a drain: leave Eureka, serve on for the drain time, then the JVM's shutdown; a second one at once. */
class DrainTest {
    private final List<String> events = new CopyOnWriteArrayList<>();

    private Drain drain(Drain.Sleeper sleeper) {
        return new Drain(Duration.ofSeconds(3), () -> true, () -> events.add("left Eureka"),
                () -> events.add("shut down"), sleeper);
    }

    @Test
    void anInstanceThatNeverRegisteredDoesNotClaimToLeaveEurekaNorDrain() {
        String lines;
        try (TestInstances.CapturedStderr stderr = new TestInstances.CapturedStderr()) {
            new Drain(Duration.ofSeconds(3), () -> false, () -> events.add("cancelled the heartbeats"),
                    () -> events.add("shut down"), duration -> events.add("served")).onSigterm();
            lines = stderr.text();
        }

        assertEquals(List.of("cancelled the heartbeats", "shut down"), events);
        assertEquals("[eureka-agent] SIGTERM: not in Eureka (never registered), so no drain: shutting down now\n",
                lines);
    }

    @Test
    void theInstanceLeavesFirstThenTheAppServesForTheDrainTimeThenTheJvmShutsDown() {
        drain(duration -> events.add("served for " + duration.toSeconds() + " s")).onSigterm();

        assertEquals(List.of("left Eureka", "served for 3 s", "shut down"), events);
    }

    @Test
    void aSecondSigtermDuringTheDrainShutsDownAtOnce() throws Exception {
        CountDownLatch draining = new CountDownLatch(1);
        CountDownLatch endOfTest = new CountDownLatch(1);
        Drain drain = drain(duration -> {
            events.add("draining");
            draining.countDown();
            endOfTest.await();
        });
        Thread first = new Thread(drain::onSigterm);
        first.start();
        assertTrue(draining.await(10, TimeUnit.SECONDS));

        drain.onSigterm();

        assertEquals(List.of("left Eureka", "draining", "shut down"), events);
        endOfTest.countDown();
        first.join(10_000);
    }

    @Test
    void anInterruptedDrainShutsDown() {
        drain(duration -> {
            throw new InterruptedException();
        }).onSigterm();

        assertEquals(List.of("left Eureka", "shut down"), events);
        assertTrue(Thread.interrupted());
    }

    @Test
    void anUnexpectedFailureEndsTheDrainAndShutsDown() {
        new Drain(Duration.ofSeconds(1), () -> true, () -> {
            throw new IllegalStateException("no server");
        }, () -> events.add("shut down"), duration -> events.add("served")).onSigterm();

        assertEquals(List.of("shut down"), events);
    }
}
