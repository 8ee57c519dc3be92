package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.eurekaagent.e2e.HostileEureka.Call;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An app at -Xmx64m whose Eureka server turns hostile: whatever it answers, the app serves on, the agent's threads
 * live on and keep calling, the heap still in use after a full GC stays small, and one line says what happened.
 */
class HostileServerTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long MOST_LIVE_HEAP_KB = 24 * 1024;
    private static final String PASSWORD = "s3cr3t-pw";

    @ParameterizedTest(name = "{0}")
    @EnumSource(Hostility.class)
    void theAppServesOnTheAgentGoesOnAndTheHeapStaysSmall(Hostility hostility) throws Exception {
        try (HostileEureka eureka = new HostileEureka().answer(hostility.call, hostility.answer())) {
            int port = Project.freePort();
            AgentApp app = eureka.smallApp(
                            "hostile-" + hostility.name().toLowerCase().replace('_', '-'), port, "agent:" + PASSWORD)
                    .property("eureka.agent.debug", "true");
            try (ChildProcess process = app.start(hostility.name().toLowerCase())) {
                String line = process.awaitLine(hostility.line, WAIT).text;
                int calls = eureka.count(hostility.call);
                awaitCalls(eureka, hostility.call, calls + 3);

                assertTrue(line.contains(hostility.detail), line);
                assertEquals(200, hello(port), process.output());
                String threads = Jcmd.run(process.pid(), "Thread.print");
                assertTrue(
                        threads.contains("\"eureka-agent-heartbeat\"")
                                && threads.contains("\"eureka-agent-discovery\""),
                        threads);
                long liveHeapKb = Jcmd.liveHeapKb(process.pid());
                assertTrue(liveHeapKb < MOST_LIVE_HEAP_KB, "live heap after GC " + liveHeapKb + " KB");
                process.stop(WAIT);
                assertFalse(process.output().contains("OutOfMemoryError"), process.output());
                assertFalse(process.output().contains(PASSWORD), process.output());
                assertFalse(process.output().contains(Base64.getEncoder().encodeToString(("agent:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))), process.output());
                System.out.println(hostility + ": live heap after GC " + liveHeapKb / 1024 + " MB; " + line);
            }
        }
    }

    /** The thread that met the hostile answer keeps calling: {@code count} calls of that kind in all. */
    private static void awaitCalls(HostileEureka eureka, Call call, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (eureka.count(call) < count) {
            if (System.nanoTime() > deadline) {
                fail("only " + eureka.count(call) + " " + call + " calls, not " + count);
            }
            Thread.sleep(50);
        }
    }

    private static int hello(int port) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
