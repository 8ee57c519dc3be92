package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Onboarding without a restart: {@code java -jar eureka-agent.jar attach PID} brings a running app, started without
 * the agent, into Eureka on the port it listens on, and out again on SIGTERM.
 */
class AttachTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aRunningAppIsRegisteredWithItsRealPortAndDeregisteredOnSigterm() throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        int port = Project.freePort();
        try (ChildProcess app = new AgentApp().withoutAgentFlag().env("PORT", Integer.toString(port))
                .start("attached")) {
            app.awaitLine("agent-test-app listening on port", TIMEOUT);

            String[] settings = {"eureka.client.service-url.defaultZone=" + eureka.serviceUrl(),
                "eureka.instance.appname=attached", "eureka.instance.hostname=localhost",
                "eureka.instance.ip-address=127.0.0.1"};
            String first = attach(app.pid(), settings);
            Map<String, Object> instance = Registry.awaitInstances(eureka, "ATTACHED", 1, TIMEOUT).get(0);
            String second = attach(app.pid(), settings);

            assertTrue(first.startsWith("the agent is loaded into " + app.pid()), first);
            assertEquals(Map.of("$", port, "@enabled", "true"), instance.get("port"), app.output());
            assertEquals("the agent is already loaded into " + app.pid() + ": nothing changed\n", second);
            app.stop(TIMEOUT);
            assertEquals(0, Registry.instances(eureka, "ATTACHED").size(), app.output());
            app.assertOrder("agent-test-app listening on port", "[eureka-agent] registering port " + port,
                    "[eureka-agent] registered ATTACHED", "[eureka-agent] deregistered ATTACHED");
        }
    }

    /**
     * Issue 21, defect 10: the settings, the service URL's password among them, in the attach command's environment
     * rather than in its arguments, where {@code ps} shows them to every user of the host while the attach runs.
     */
    @Test
    void theSettingsMayComeFromTheAttachCommandsEnvironmentKeepingThePasswordOutOfItsCommandLine() throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        try (ChildProcess app = new AgentApp().withoutAgentFlag().env("PORT", "0").start("attached-from-env")) {
            app.awaitLine("agent-test-app listening on port", TIMEOUT);
            Map<String, String> env = Map.of(
                    "EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", eureka.serviceUrl().replace("http://", "http://agent:pw@"),
                    "EUREKA_INSTANCE_APPNAME", "attached-from-env",
                    "EUREKA_INSTANCE_HOSTNAME", "localhost",
                    "EUREKA_INSTANCE_IPADDRESS", "127.0.0.1");

            String out = attach(app.pid(), env);
            Registry.awaitInstances(eureka, "ATTACHED-FROM-ENV", 1, TIMEOUT);

            assertTrue(out.startsWith("the agent is loaded into " + app.pid()), out);
            app.stop(TIMEOUT);
        }
    }

    /** Runs the attach command with the java that runs the apps; returns its output after exit code 0. */
    private static String attach(long pid, String... settings) throws Exception {
        return attach(pid, Map.of(), settings);
    }

    private static String attach(long pid, Map<String, String> env, String... settings) throws Exception {
        List<String> command = new ArrayList<>(List.of(Project.appJava(), "-jar", Project.agentJar().toString(),
                "attach", Long.toString(pid)));
        command.addAll(List.of(settings));
        try (ChildProcess cli = ChildProcess.start("attach", command, env, Project.root())) {
            int exitCode = cli.awaitExit(TIMEOUT);
            assertEquals(0, exitCode, cli.output());
            return cli.output();
        }
    }
}
