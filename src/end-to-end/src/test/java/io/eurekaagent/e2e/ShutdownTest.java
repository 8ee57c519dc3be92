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
            long withoutAgentMs = exitAfterSigterm(AgentApp.testApp(server, "baseline", Project.freePort())
                    .property("eureka.client.enabled", "false"), null);

            int port = Project.freePort();
            AgentApp stalled = AgentApp.testApp(server, "stalled", port)
                    .property("eureka.agent.shutdown-timeout-ms", Integer.toString(SHUTDOWN_TIMEOUT_MS));
            long withStalledServerMs = exitAfterSigterm(stalled, server);

            long delayMs = withStalledServerMs - withoutAgentMs;
            System.out.println("exit after SIGTERM: " + withoutAgentMs + " ms with the agent off, "
                    + withStalledServerMs + " ms with a stalled server and a " + SHUTDOWN_TIMEOUT_MS + " ms budget");
            // Bounded by the budget (a generous margin for a loaded machine), not by the 13 s of connect and read
            // timeouts.
            assertTrue(delayMs <= SHUTDOWN_TIMEOUT_MS + 3_000, "exit delayed by " + delayMs + " ms");
        }
    }

    @Test
    void sigtermWhileEurekaIsDownExitsWithinTheShutdownTimeout() throws Exception {
        int port = Project.freePort();
        try (EurekaServer server = EurekaServer.start();
                ChildProcess process = AgentApp.testApp(server, "orphan", port)
                        .property("eureka.agent.shutdown-timeout-ms", Integer.toString(SHUTDOWN_TIMEOUT_MS))
                        .start("orphan")) {
            process.awaitLine("[eureka-agent] registered", START);
            server.stop();

            long start = System.nanoTime();
            process.stop(START);
            long exitMs = (System.nanoTime() - start) / 1_000_000;

            System.out.println("exit after SIGTERM with Eureka down: " + exitMs + " ms");
            // A refused connection fails at once: the budget bounds the exit, with a generous margin for a loaded
            // machine.
            assertTrue(exitMs <= SHUTDOWN_TIMEOUT_MS + 3_000, "exit took " + exitMs + " ms");
            assertTrue(process.output().contains("could not deregister"), process.output());
        }
    }

    /** Starts the app, freezes {@code stall} (if given) once registered, and times SIGTERM to exit. */
    private static long exitAfterSigterm(AgentApp app, EurekaServer stall) throws Exception {
        try (ChildProcess process = app.start("shutdown")) {
            process.awaitLine("listening on port", START);
            if (stall != null) {
                process.awaitLine("[eureka-agent] registered", START);
                stall.process().signal("STOP");
            }
            try {
                long start = System.nanoTime();
                process.stop(START);
                long exitMs = (System.nanoTime() - start) / 1_000_000;
                if (stall != null) {
                    assertTrue(process.output().contains("could not deregister"), process.output());
                }
                return exitMs;
            } finally {
                if (stall != null) {
                    stall.process().signal("CONT");
                }
            }
        }
    }
}
