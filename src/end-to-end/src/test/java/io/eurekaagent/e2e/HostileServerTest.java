package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.e2e.HostileEureka.Call;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An app at -Xmx64m whose Eureka server turns hostile: whatever it answers, the app serves on, the agent's threads
 * live on and keep calling, the heap still in use after a full GC stays small, and one line says what happened.
 */
class HostileServerTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long MOST_LIVE_HEAP_KB = 24 * 1024;
    /** With the characters that once left a piece of it in a line (issue 21): a split at any of them shows nothing. */
    private static final String PASSWORD = "ZQXJ/,x: %#?\u00fc\u20ac;k9pw";
    private static final String USER_INFO =
            "agent:" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8).replace("+", "%20");

    @ParameterizedTest(name = "{0}")
    @EnumSource(Hostility.class)
    void theAppServesOnTheAgentGoesOnAndTheHeapStaysSmall(Hostility hostility) throws Exception {
        try (HostileEureka eureka = new HostileEureka().answer(hostility.call, hostility.answer())) {
            int port = Project.freePort();
            AgentApp app = eureka.smallApp(
                            "hostile-" + hostility.name().toLowerCase().replace('_', '-'), port, USER_INFO)
                    .property("eureka.agent.debug", "true");
            try (ChildProcess process = app.start(hostility.name().toLowerCase())) {
                String line = process.awaitLine(hostility.line, WAIT).text;
                int calls = eureka.count(hostility.call);
                // One more call, after the line: the thread lived through the failure (a failed fetch backs off 2 s).
                awaitCalls(eureka, hostility.call, calls + 1);

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
                for (String form : List.of(PASSWORD, USER_INFO.substring(6), "agent:" + PASSWORD,
                        URLEncoder.encode("agent:" + PASSWORD, StandardCharsets.UTF_8), "k9pw", Base64.getEncoder()
                                .encodeToString(("agent:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))) {
                    assertFalse(process.output().contains(form), form + " in\n" + process.output());
                }
                System.out.println(hostility + ": live heap after GC " + liveHeapKb / 1024 + " MB; " + line);
            }
        }
    }

    /** The thread that met the hostile answer keeps calling: {@code count} calls of that kind in all. */
    private static void awaitCalls(HostileEureka eureka, Call call, int count) throws Exception {
        Await.until(WAIT, () -> eureka.count(call) >= count,
                () -> "only " + eureka.count(call) + " " + call + " calls, not " + count);
    }

    private static int hello(int port) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
