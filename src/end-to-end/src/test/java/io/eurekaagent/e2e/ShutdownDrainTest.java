package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.e2e.HostileEureka.Call;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A zero-downtime stop: with eureka.agent.shutdown-drain-seconds, SIGTERM takes the instance out of Eureka at once
 * while the app serves on for the drain time; then the JVM shuts down as it would have (own hooks, exit code 143).
 */
class ShutdownDrainTest {
    private static final Duration START = Duration.ofSeconds(30);
    private static final int SIGTERM_EXIT_CODE = 143;

    @Test
    void afterSigtermTheInstanceLeavesEurekaWhileTheAppServesForTheDrainThenTheJvmExits() throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        int port = Project.freePort();
        try (ChildProcess app = AgentApp.testApp(eureka, "draining", port)
                .property("eureka.agent.shutdown-drain-seconds", "3")
                .start("draining")) {
            Registry.awaitInstances(eureka, "DRAINING", 1, START);

            long sigterm = System.nanoTime();
            app.sigterm();
            Registry.awaitInstances(eureka, "DRAINING", 0, START);
            long goneMs = (System.nanoTime() - sigterm) / 1_000_000;
            String hello = Http.get("http://127.0.0.1:" + port + "/hello").body();
            int exitCode = app.awaitExit(START);
            long exitMs = (System.nanoTime() - sigterm) / 1_000_000;

            System.out.println("drain: gone from Eureka " + goneMs + " ms after SIGTERM, served on, exited after "
                    + exitMs + " ms");
            assertEquals("hello", hello, "the app still serves once it is out of Eureka");
            assertEquals(SIGTERM_EXIT_CODE, exitCode, app.output());
            assertTrue(exitMs >= 3_000, "exited after " + exitMs + " ms, before the 3 s drain was over");
            app.assertOrder("[eureka-agent] SIGTERM: leaving Eureka", "[eureka-agent] deregistered DRAINING",
                    "[eureka-agent] drain of 3 s over: shutting down", "agent-test-app shutdown hook ran");
        }
    }

    /** Issue 21, defect 5: a DELETE that never answers costs the exit the drain and one shutdown budget, not two. */
    @Test
    void aDeregistrationThatNeverAnswersDelaysTheExitByTheDrainAndOneShutdownBudget() throws Exception {
        try (HostileEureka eureka = new HostileEureka().answer(Call.DEREGISTRATION, HostileEureka.silent());
                ChildProcess app = eureka.smallApp("silent-delete", 0, "")
                        .property("eureka.agent.shutdown-drain-seconds", "2")
                        .property("eureka.agent.shutdown-timeout-ms", "2000")
                        .start("silent-delete")) {
            app.awaitLine("[eureka-agent] registered SILENT-DELETE", START);

            long sigterm = System.nanoTime();
            app.sigterm();
            long shuttingDownMs =
                    (app.awaitLine("[eureka-agent] drain of 2 s over", START).nanos - sigterm) / 1_000_000;
            int exitCode = app.awaitExit(START);
            long exitMs = (System.nanoTime() - sigterm) / 1_000_000;

            // The JVM's shutdown after the agent's line is the app's own (agent-test-app's HttpServer takes ~0.3 s).
            System.out.println("drain with a silent DELETE: the JVM's shutdown began " + shuttingDownMs
                    + " ms after SIGTERM, exited after " + exitMs + " ms");
            assertEquals(SIGTERM_EXIT_CODE, exitCode, app.output());
            assertEquals(1, eureka.count(Call.DEREGISTRATION), app.output());
            assertTrue(shuttingDownMs <= 4_500, "shutting down " + shuttingDownMs + " ms after SIGTERM, over drain"
                    + " 2 s + budget 2 s\n" + app.output());
            app.assertOrder("[eureka-agent] SIGTERM: leaving Eureka", "[eureka-agent] WARN could not deregister",
                    "[eureka-agent] drain of 2 s over: shutting down", "agent-test-app shutdown hook ran");
        }
    }

    @Test
    void aSecondSigtermDuringTheDrainShutsDownAtOnce() throws Exception {
        int port = Project.freePort();
        try (ChildProcess app = drainingForTenMinutes("impatient", port)) {
            app.sigterm();

            assertEquals(SIGTERM_EXIT_CODE, app.awaitExit(START), app.output());
            app.assertOrder("SIGTERM: leaving Eureka", "SIGTERM again: shutting down now",
                    "agent-test-app shutdown hook ran");
        }
    }

    @Test
    void sigintDuringTheDrainShutsDownAtOnce() throws Exception {
        int port = Project.freePort();
        try (ChildProcess app = drainingForTenMinutes("interrupted", port)) {
            app.signal("INT");

            assertEquals(128 + 2, app.awaitExit(START), app.output());
            app.assertOrder("SIGTERM: leaving Eureka", "agent-test-app shutdown hook ran");
        }
    }

    @Test
    void systemExitDuringTheDrainShutsDownAtOnce() throws Exception {
        int port = Project.freePort();
        try (ChildProcess app = drainingForTenMinutes("exiting", port)) {
            Http.post("http://127.0.0.1:" + port + "/exit");

            assertEquals(0, app.awaitExit(START), app.output());
            app.assertOrder("SIGTERM: leaving Eureka", "agent-test-app shutdown hook ran");
        }
    }

    /** agent-test-app registered, then sent SIGTERM with a 10-minute drain: out of Eureka, still running. */
    private static ChildProcess drainingForTenMinutes(String name, int port) throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        ChildProcess app = AgentApp.testApp(eureka, name, port)
                .property("eureka.agent.shutdown-drain-seconds", "600")
                .start(name);
        Registry.awaitInstances(eureka, name.toUpperCase(), 1, START);
        app.sigterm();
        app.awaitLine("[eureka-agent] deregistered " + name.toUpperCase(), START);
        return app;
    }

    @Test
    void aJvmStartedWithXrsSaysTheDrainCannotWorkAndRegistersAsUsual() throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        try (ChildProcess app = AgentApp.testApp(eureka, "reduced-signals", Project.freePort())
                .jvmOption("-Xrs")
                .property("eureka.agent.shutdown-drain-seconds", "3")
                .start("reduced-signals")) {
            app.awaitLine("[eureka-agent] registered REDUCED-SIGNALS", START);

            app.assertOrder("[eureka-agent] eureka.agent.shutdown-drain-seconds ignored: this JVM does not let Java"
                    + " handle SIGTERM", "[eureka-agent] registered REDUCED-SIGNALS");
        }
    }
}
