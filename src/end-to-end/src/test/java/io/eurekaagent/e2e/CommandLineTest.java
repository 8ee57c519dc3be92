package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code java -jar eureka-agent.jar apps | instances NAME | check} against a real Eureka server. */
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
}
