package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The JVM waits for every shutdown hook: a stalled Eureka must not hold the app's exit longer than promised. */
class ShutdownTest {
    private static final Duration START = Duration.ofSeconds(30);
    private static final int SHUTDOWN_TIMEOUT_MS = 1000;

    @Test
    void aStalledServerDelaysExitByAtMostTheShutdownTimeout() throws Exception {
        try (EurekaServer server = EurekaServer.start()) {
            int port = Project.freePort();
            AgentApp app = AgentApp.testApp(server, "stalled", port)
                    .property("eureka.agent.shutdown-timeout-ms", Integer.toString(SHUTDOWN_TIMEOUT_MS));

            try (ChildProcess process = app.start("stalled")) {
                Registry.awaitInstances(server, "STALLED", 1, START);
                server.process().signal("STOP");
                try {
                    long start = System.nanoTime();
                    process.sigterm();
                    process.awaitExit(START);
                    long exitMs = (System.nanoTime() - start) / 1_000_000;

                    System.out.println("exit took " + exitMs + " ms with a stalled server and a " + SHUTDOWN_TIMEOUT_MS + " ms budget");
                    // The timeout, plus what any JVM takes to exit (tens of ms).
                    assertTrue(exitMs <= SHUTDOWN_TIMEOUT_MS + 500, "exit took " + exitMs + " ms");
                    assertTrue(process.output().contains("could not deregister localhost:stalled:" + port), process.output());
                } finally {
                    server.process().signal("CONT");
                }
            }
        }
    }
}
