package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The agent jar as a command line (apps, instances, check, status, out-of-service, in-service, inspect) against a real
 * server.
 */
class CommandLineTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final class Run {
        final int exitCode;
        final String output;

        Run(int exitCode, String output) {
            this.exitCode = exitCode;
            this.output = output;
        }
    }

    private static Run agentJar(Map<String, String> env, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Project.appJava(), "-jar", Project.agentJar().toString()));
        command.addAll(List.of(arguments));
        try (ChildProcess process = ChildProcess.start("eureka-agent-cli", command, env, Project.root())) {
            return new Run(process.awaitExit(TIMEOUT), process.output());
        }
    }

    @Test
    void appsAndInstancesShowWhatTheServerHolds() throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int port = Project.freePort();
        try (ChildProcess app = AgentApp.testApp(server, "cli-listed", port).start("cli-listed")) {
            Registry.awaitInstances(server, "CLI-LISTED", 1, TIMEOUT);

            Run apps = agentJar(Map.of(), "apps", "eureka.client.service-url.defaultZone=" + server.serviceUrl());
            assertEquals(0, apps.exitCode, apps.output);
            assertTrue(apps.output.startsWith("APP "), apps.output);
            assertTrue(apps.output.lines().anyMatch(line -> line.matches("CLI-LISTED +localhost:cli-listed:" + port
                    + " +UP +127\\.0\\.0\\.1 +" + port + " +\\d+s")), apps.output);

            Run instances = agentJar(
                    Map.of("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", server.serviceUrl()), "instances", "cli-listed");
            assertEquals(0, instances.exitCode, instances.output);
            assertEquals(2, instances.output.lines().count(), instances.output);
            app.stop(TIMEOUT);
        }
    }

    /** Issue 23: an operator asks a running JVM's agent, not Eureka, how it is doing. */
    @Test
    void inspectShowsARegisteredAgentsStateAndExits0() throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int port = Project.freePort();
        try (ChildProcess app = AgentApp.testApp(server, "cli-inspected", port).start("cli-inspected")) {
            Registry.awaitInstances(server, "CLI-INSPECTED", 1, TIMEOUT);

            Run[] inspect = new Run[1];
            // The MBean follows the first registration on the agent's jmx thread.
            Await.until(TIMEOUT, Duration.ofMillis(500), () -> {
                inspect[0] = agentJar(Map.of(), "inspect", Long.toString(app.pid()));
                return inspect[0].exitCode == 0;
            }, () -> inspect[0].exitCode + ": " + inspect[0].output);

            List<String> lines = inspect[0].output.lines().collect(Collectors.toList());
            assertTrue(lines.get(0).matches("eureka-agent \\S+ \\(revision .+\\) in JVM " + app.pid() + ", register"),
                    inspect[0].output);
            assertEquals("instance:        CLI-INSPECTED localhost:cli-inspected:" + port + " (UP)", lines.get(1));
            assertTrue(lines.get(2).matches("registered:      yes, since \\S+Z \\(\\d+ s ago\\) with "
                    + Pattern.quote(server.serviceUrl())), inspect[0].output);
            assertEquals("failures:        0 in a row", lines.get(4));
            app.stop(TIMEOUT);
        }
    }

    @Test
    void inspectShowsTheFailuresAndTheirCauseWhenEurekaIsDownAndExits1AndSaysWhenThereIsNoAgent() throws Exception {
        String dead = "http://127.0.0.1:" + Project.freePort() + "/eureka/";
        int port = Project.freePort();
        AgentApp unreachable = AgentApp.testApp(SharedEurekaServer.get(), "cli-unreachable", port)
                .property("eureka.client.service-url.defaultZone", dead);
        try (ChildProcess app = unreachable.start("cli-unreachable");
                ChildProcess plain = AgentApp.testApp(SharedEurekaServer.get(), "cli-plain", Project.freePort())
                        .withoutAgentFlag().start("cli-plain")) {
            app.awaitLine("registration failed", TIMEOUT);

            Run[] inspect = new Run[1];
            // The MBean is put in 5 s after the app serves when no registration comes first.
            Await.until(TIMEOUT, Duration.ofMillis(500), () -> {
                inspect[0] = agentJar(Map.of(), "inspect", Long.toString(app.pid()));
                return inspect[0].output.contains("failures:");
            }, () -> inspect[0].exitCode + ": " + inspect[0].output);

            assertEquals(1, inspect[0].exitCode, inspect[0].output);
            assertTrue(inspect[0].output.contains("registered:      no\n"), inspect[0].output);
            assertTrue(inspect[0].output.matches("(?s).*failures:        [1-9]\\d* in a row; last: registration"
                    + " failed: " + Pattern.quote(dead) + ": connection refused; retrying\n.*"), inspect[0].output);

            plain.awaitLine("listening on port", TIMEOUT);
            Run none = agentJar(Map.of(), "inspect", Long.toString(plain.pid()));
            assertEquals(2, none.exitCode, none.output);
            assertEquals("no eureka-agent in JVM " + plain.pid() + "\n", none.output);
        }
    }

    @Test
    void checkSaysAllGoodOrWhatFailedAndExitsAccordingly() throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        String dead = "http://127.0.0.1:" + Project.freePort() + "/eureka/";

        Run good = agentJar(Map.of(), "check", "eureka.client.service-url.defaultZone=" + server.serviceUrl());
        Run oneDown = agentJar(
                Map.of(), "check", "eureka.client.service-url.defaultZone=" + server.serviceUrl() + "," + dead);
        Run badSetting = agentJar(Map.of(), "check", "eureka.client.service-url.defaultZone=" + server.serviceUrl(),
                "eureka.instance.lease-renewal-interval-in-seconds=often");

        assertEquals(0, good.exitCode, good.output);
        assertTrue(good.output.endsWith("all good\n"), good.output);
        assertEquals(1, oneDown.exitCode, oneDown.output);
        assertTrue(oneDown.output.contains(dead + ": FAILED: " + dead + ": connection refused"), oneDown.output);
        assertEquals(2, badSetting.exitCode, badSetting.output);
        assertEquals(
                "invalid setting eureka.instance.lease-renewal-interval-in-seconds=often (agent argument): expected a"
                        + " whole number of seconds from 1 to 3600\n",
                badSetting.output);
    }

    @Test
    void outOfServiceHoldsThroughTheAgentsHeartbeatsUntilInService() throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int port = Project.freePort();
        String id = "localhost:cli-override:" + port;
        String eureka = "eureka.client.service-url.defaultZone=" + server.serviceUrl();
        try (ChildProcess app = AgentApp.testApp(server, "cli-override", port)
                .property("eureka.instance.lease-renewal-interval-in-seconds", "1")
                .property("eureka.agent.debug", "true")
                .start("cli-override")) {
            Registry.awaitInstances(server, "CLI-OVERRIDE", 1, TIMEOUT);

            // No id: the app's instances on this host, which 127.0.0.1 is.
            Run out = agentJar(Map.of(), "out-of-service", "cli-override", eureka);
            assertEquals(0, out.exitCode, out.output);
            awaitHeartbeats(app, 2);
            Map<String, Object> taken = Registry.instance(server, "CLI-OVERRIDE", id);
            assertEquals("OUT_OF_SERVICE", taken.get("status"), taken.toString());
            assertEquals("OUT_OF_SERVICE", override(taken), taken.toString());
            Run status = agentJar(Map.of(), "status", "cli-override", eureka);
            assertTrue(status.output.lines().anyMatch(line -> line.matches(
                    id + " +OUT_OF_SERVICE +OUT_OF_SERVICE +localhost +127\\.0\\.0\\.1 +" + port)), status.output);

            Run in = agentJar(Map.of(), "in-service", "cli-override", id, eureka);
            assertEquals(0, in.exitCode, in.output);
            awaitHeartbeats(app, 2);
            Map<String, Object> back = Registry.instance(server, "CLI-OVERRIDE", id);
            assertEquals("UP", back.get("status"), back.toString());
            assertEquals("UNKNOWN", override(back), back.toString());
            app.stop(TIMEOUT);
        }
    }

    private static Object override(Map<String, Object> instance) {
        return instance.containsKey("overriddenStatus") ? instance.get("overriddenStatus")
                : instance.get("overriddenstatus");
    }

    /** Waits until the agent has renewed {@code count} more times (its debug lines say so). */
    private static void awaitHeartbeats(ChildProcess app, int count) throws Exception {
        long before = renewals(app);
        Await.until(TIMEOUT, () -> renewals(app) >= before + count,
                () -> "no " + count + " heartbeats:\n" + app.output());
    }

    private static long renewals(ChildProcess app) {
        return app.output().lines().filter(line -> line.contains("[eureka-agent] DEBUG renewed")).count();
    }
}
