package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Eureka keeps its registry in memory: after a restart it is empty, and the agent must notice and register again. */
class ServerRestartTest {
    private static final Duration START = Duration.ofSeconds(30);
    private static final int RENEWAL_SECONDS = 2;

    @Test
    void theAgentRegistersAgainWithinOneRenewalIntervalOfTheServerComingBackEmpty() throws Exception {
        try (EurekaServer server = EurekaServer.start()) {
            int port = Project.freePort();
            AgentApp app = AgentApp.testApp(server, "survivor", port)
                    .property("eureka.instance.lease-renewal-interval-in-seconds", Integer.toString(RENEWAL_SECONDS))
                    .property("eureka.instance.lease-expiration-duration-in-seconds", "6");

            try (ChildProcess process = app.start("survivor")) {
                Registry.awaitInstances(server, "SURVIVOR", 1, START);

                server.restart();
                long serverBack = server.answeringSinceNanos();
                // The restarted server is empty: it answers the next heartbeat with 404.
                process.awaitLine("does not know localhost:survivor:" + port, START);
                Registry.awaitInstances(server, "SURVIVOR", 1, START);
                long againMs = (System.nanoTime() - serverBack) / 1_000_000;

                System.out.println("registered again " + againMs + " ms after the restarted server answered");
                process.awaitLine("Eureka answers again after", START);
                process.assertOrder("[eureka-agent] registered SURVIVOR", "does not know localhost:survivor:" + port,
                        "registered again SURVIVOR");
                // How many beats fail depends on how long the restart takes; only failures 1, 2, 4, 8 ... are logged.
                int failures = failedAttempts(process.output());
                long failureLines = process.output()
                        .lines()
                        .filter(line -> line.matches(".*(heartbeat|registration) failed.*"))
                        .count();
                assertEquals(32 - Integer.numberOfLeadingZeros(failures), failureLines,
                        "failures 1, 2, 4 ... of " + failures + " are logged, no others:\n" + process.output());
                process.stop(START);
            }
        }
    }

    private static int failedAttempts(String output) {
        Matcher matcher = Pattern.compile("Eureka answers again after (\\d+) failed attempts").matcher(output);
        assertTrue(matcher.find(), "the recovery is logged:\n" + output);
        return Integer.parseInt(matcher.group(1));
    }
}
