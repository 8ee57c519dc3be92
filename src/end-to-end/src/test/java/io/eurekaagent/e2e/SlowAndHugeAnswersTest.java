package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.e2e.HostileEureka.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Answers that are slow, stall or are huge, each for half a minute or more with apps on both transports side by side
 * (issue 21): no call waits behind another, no connection or heap is left behind. A class apart from
 * {@link HostileServerTest} so that the two run in parallel forks. The two soaks (tag {@code soak}) run on the
 * build's JDK only: what they prove is the agent's own threading; the stalling page meets each JDK's clients.
 */
@Tag(Transports.BOTH)
class SlowAndHugeAnswersTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    /**
     * Issue 21, defect 1: a registry fetch that drips or stalls, every second, holds back neither the registration nor
     * a heartbeat, on either transport. Four apps side by side (two transports, drip and stall) for 30 s of renewals
     * at a 1 s interval: each registered within 3 s of listening, renewed with no gap over 3 s.
     */
    @Test
    @Tag("soak")
    void aRegistryFetchThatDripsOrStallsHoldsBackNeitherTheRegistrationNorAHeartbeat() throws Exception {
        List<SlowFetch> apps = new ArrayList<>();
        try {
            for (String transport : List.of("url-connection", "java-http-client")) {
                apps.add(new SlowFetch(transport, "dripping", HostileEureka.dripping()));
                apps.add(new SlowFetch(transport, "stalled", HostileEureka.stalled()));
            }
            for (SlowFetch app : apps) {
                app.awaitRenewalsFor(Duration.ofSeconds(30));
            }
            for (SlowFetch app : apps) {
                app.assertNeverHeldBack();
            }
        } finally {
            for (SlowFetch app : apps) {
                app.close();
            }
        }
    }

    /**
     * Issue 21, defect 7: a health URL that sends its headers and then stalls. Each check reads the status and closes
     * its connection at once, on either transport (the default one left ~11 open at a 1 s interval, each drained by
     * the JDK's keep-alive cleaner).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"url-connection", "java-http-client"})
    void aHealthUrlThatStallsAfterItsHeadersLeavesNoConnectionOpen(String transport) throws Exception {
        try (HostileEureka eureka = new HostileEureka();
                StallingPage health = new StallingPage();
                ChildProcess process = eureka.smallApp("stalling-health-" + transport, 0, "")
                        .property("eureka.agent.http-client", transport)
                        .property("eureka.client.healthcheck.enabled", "true")
                        .property("eureka.instance.health-check-url", health.url("/health"))
                        .property("eureka.agent.health-check-interval-seconds", "1")
                        .start("stalling-health-" + transport)) {
            Await.until(WAIT, () -> health.requests() >= 10,
                    () -> health.requests() + " health checks only\n" + process.output());

            // One check may be under way; none before it is still open.
            assertTrue(health.open() <= 1, health.open() + " connections open after " + health.requests()
                    + " checks\n" + process.output());
        }
    }

    /**
     * Issue 21, defect 2: a server that answers every heartbeat with 80 MB of headers (20,000 of 4 KB) for a minute,
     * apps at -Xmx64m on both transports side by side: the heap in use after a full GC at most 16 MB, at most 8
     * sockets, no OutOfMemoryError. (java-http-client kept one socket and its buffers per call: 75 sockets and
     * 35 MB after 70 s.)
     */
    @Test
    @Tag("soak")
    void aMinuteOfHugeHeadersLeavesNeitherSocketsNorHeapBehind() throws Exception {
        List<HostileEureka> servers = new ArrayList<>();
        List<ChildProcess> apps = new ArrayList<>();
        try {
            for (String transport : List.of("url-connection", "java-http-client")) {
                HostileEureka eureka = new HostileEureka().answer(Call.HEARTBEAT, HostileEureka.hugeHeaders());
                servers.add(eureka);
                apps.add(eureka.smallApp("huge-headers-" + transport, 0, "")
                        .property("eureka.agent.http-client", transport).start("huge-headers-" + transport));
            }
            Await.until(WAIT.multipliedBy(2), Duration.ofMillis(500), () -> servers.stream()
                    .allMatch(eureka -> heartbeatsSpan(eureka) >= TimeUnit.SECONDS.toNanos(60)),
                    () -> servers.stream().map(eureka -> eureka.count(Call.HEARTBEAT)).toList() + " heartbeats only\n"
                            + apps);
            for (ChildProcess app : apps) {
                long sockets = HostileSoak.sockets(app.pid());
                long liveHeapKb = Jcmd.liveHeapKb(app.pid());
                System.out.println("huge headers: " + sockets + " sockets, live heap " + liveHeapKb + " KB");
                assertTrue(sockets <= 8, sockets + " sockets open\n" + app.output());
                assertTrue(liveHeapKb <= 16 * 1024, "live heap after GC " + liveHeapKb + " KB\n" + app.output());
                assertFalse(app.output().contains("OutOfMemoryError"), app.output());
            }
        } finally {
            for (ChildProcess app : apps) {
                app.stop(WAIT);
            }
            for (HostileEureka eureka : servers) {
                eureka.close();
            }
        }
    }

    private static long heartbeatsSpan(HostileEureka eureka) {
        List<Long> heartbeats = eureka.arrivals(Call.HEARTBEAT);
        return heartbeats.size() < 2 ? 0 : heartbeats.get(heartbeats.size() - 1) - heartbeats.get(0);
    }

    /** An app whose Eureka server answers registrations and heartbeats at once, and registry fetches slowly. */
    private static final class SlowFetch implements AutoCloseable {
        private static final long MOST_GAP_NANOS = TimeUnit.SECONDS.toNanos(3);
        private final String name;
        private final HostileEureka eureka;
        private final ChildProcess process;
        private final long listened;

        SlowFetch(String transport, String fetch, HostileEureka.Answer answer) throws Exception {
            name = transport + ", " + fetch + " fetch";
            eureka = new HostileEureka().answer(Call.FETCH, answer);
            process = eureka.smallApp("slow-fetch-" + transport + "-" + fetch, 0, "")
                    .property("eureka.agent.http-client", transport).start("slow-fetch-" + transport + "-" + fetch);
            try {
                listened = process.awaitLine("listening on port", WAIT).nanos;
            } catch (RuntimeException | InterruptedException e) {
                close();
                throw e;
            }
        }

        void awaitRenewalsFor(Duration span) throws Exception {
            Await.until(WAIT, Duration.ofMillis(200), () -> renewedFor() >= span.toNanos(),
                    () -> name + ": renewed for " + renewedFor() / 1_000_000 + " ms only; registrations at "
                            + eureka.arrivals(Call.REGISTRATION) + ", heartbeats at " + eureka.arrivals(Call.HEARTBEAT)
                            + "\n" + process.output());
        }

        /** How long from the first registration to the last heartbeat so far. */
        private long renewedFor() {
            List<Long> registrations = eureka.arrivals(Call.REGISTRATION);
            List<Long> heartbeats = eureka.arrivals(Call.HEARTBEAT);
            return registrations.isEmpty() || heartbeats.isEmpty() ? 0
                    : heartbeats.get(heartbeats.size() - 1) - registrations.get(0);
        }

        void assertNeverHeldBack() {
            List<Long> calls = eureka.arrivals(Call.HEARTBEAT);
            calls.add(0, eureka.arrivals(Call.REGISTRATION).get(0));
            long registeredAfter = calls.get(0) - listened;
            assertTrue(registeredAfter < MOST_GAP_NANOS, name + ": registered " + registeredAfter / 1_000_000
                    + " ms after the app listened\n" + process.output());
            for (int i = 1; i < calls.size(); i++) {
                long gap = calls.get(i) - calls.get(i - 1);
                assertTrue(gap <= MOST_GAP_NANOS, name + ": " + gap / 1_000_000 + " ms between heartbeats " + (i - 1)
                        + " and " + i + "\n" + process.output());
            }
            // The fetch really was slow each time, and tried again meanwhile (each time later: it backs off).
            assertTrue(eureka.count(Call.FETCH) >= 3, name + ": " + eureka.count(Call.FETCH) + " fetches");
            assertTrue(process.output().contains("registry fetch failed"), name + "\n" + process.output());
        }

        @Override
        public void close() throws Exception {
            process.stop(WAIT);
            eureka.close();
        }
    }
}
