package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart of two agent-registered instances while a Spring Cloud caller (LoadBalancer over the Eureka
 * client, registry fetched every second, its instance list kept 1 s) calls them by name all along: with a drain
 * longer than the caller's caches, no call fails. Without one, the failures it sees are printed as the baseline.
 */
class RollingRestartTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** Well over what the caller takes to forget an instance (1 s fetch, 1 s LoadBalancer cache, 1 s server cache). */
    private static final int DRAIN_SECONDS = 10;

    @Test
    void aSpringCloudCallerSeesNoFailedCallThroughARollingRestartWithDrain() throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        int callerPort = Project.freePort();
        try (ChildProcess caller = SpringCloudInteropTest.springClient(eureka, callerPort, "rolling-caller")) {
            String url = "http://127.0.0.1:" + callerPort + "/lb/rolling-drained";
            Calls withDrain = rollingRestart(eureka, "rolling-drained", DRAIN_SECONDS, url);
            Calls withoutDrain = rollingRestart(eureka, "rolling-abrupt", 0,
                    "http://127.0.0.1:" + callerPort + "/lb/rolling-abrupt");

            System.out.println("rolling restart of 2 instances, a Spring Cloud caller calling all along: drain "
                    + DRAIN_SECONDS + " s: " + withDrain + "; no drain: " + withoutDrain);
            assertTrue(withDrain.ok.get() > 0, withDrain.toString());
            assertEquals(List.of(), withDrain.failures, withDrain.toString());
            caller.stop(TIMEOUT);
        }
    }

    /** Two instances; each replaced in turn by a new one (on a new port, as a new pod would be) while calls go on. */
    private static Calls rollingRestart(EurekaServer eureka, String app, int drainSeconds, String url)
            throws Exception {
        List<ChildProcess> running = new ArrayList<>();
        try {
            running.add(instance(eureka, app, drainSeconds));
            running.add(instance(eureka, app, drainSeconds));
            Registry.awaitInstances(eureka, app.toUpperCase(), 2, TIMEOUT);
            Http.awaitOk(url, TIMEOUT);
            Calls calls = new Calls(url);
            Thread calling = new Thread(calls, "caller");
            calling.start();
            for (int i = 0; i < 2; i++) {
                ChildProcess replacement = instance(eureka, app, drainSeconds);
                running.add(replacement);
                replacement.awaitLine("[eureka-agent] registered", TIMEOUT);
                ChildProcess old = running.remove(0);
                old.stop(TIMEOUT);
                old.close();
            }
            calls.awaitMore(50);
            calls.stop.set(true);
            calling.join(TIMEOUT.toMillis());
            return calls;
        } finally {
            for (ChildProcess process : running) {
                process.stop(TIMEOUT);
                process.close();
            }
        }
    }

    private static ChildProcess instance(EurekaServer eureka, String app, int drainSeconds) throws IOException {
        int port = Project.freePort();
        return AgentApp.testApp(eureka, app, port)
                .property("eureka.agent.shutdown-drain-seconds", Integer.toString(drainSeconds))
                .start(app + "-" + port);
    }

    /** Calls the caller's /lb endpoint back to back, counting what answered and what failed. */
    private static final class Calls implements Runnable {
        final String url;
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger ok = new AtomicInteger();
        final List<String> failures = new ArrayList<>();

        Calls(String url) {
            this.url = url;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                try {
                    HttpResponse<String> response = Http.get(url, Duration.ofSeconds(10));
                    if (response.statusCode() == 200) {
                        ok.incrementAndGet();
                    } else {
                        failed("HTTP " + response.statusCode());
                    }
                } catch (IOException e) {
                    failed(e.toString());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private synchronized void failed(String why) {
            failures.add(why);
        }

        /** Waits for {@code count} more answered calls: the last replacement is in use and nothing fails late. */
        void awaitMore(int count) throws Exception {
            int target = ok.get() + count;
            Await.until(TIMEOUT, Duration.ofMillis(20), () -> ok.get() >= target,
                    () -> "the caller stopped answering: " + this);
        }

        @Override
        public synchronized String toString() {
            return (ok.get() + failures.size()) + " calls, " + failures.size() + " failed"
                    + (failures.isEmpty() ? "" : " " + failures.subList(0, Math.min(3, failures.size())));
        }
    }
}
