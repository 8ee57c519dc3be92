package io.eurekaagent.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.e2e.ChildProcess;
import io.eurekaagent.e2e.EurekaServer;
import io.eurekaagent.e2e.Http;
import io.eurekaagent.e2e.Project;
import io.eurekaagent.e2e.Registry;
import io.eurekaagent.e2e.SharedEurekaServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What every server of the suite must show, from its start with the agent to its stop. */
final class Scenario {
    static final Duration START = Duration.ofSeconds(120);

    private Scenario() {
    }

    /**
     * Starts {@code server} with the agent and checks, polling only Eureka until the instance is listed (the app is not
     * called before: a caller must not decide the moment): the app answers the moment it is listed; the port
     * registered is the one its own setting names; the name is its own; the status and health pages answer, or are
     * not registered; SIGTERM takes it out of Eureka before the JVM exits.
     */
    static void registersOnlyOnceItServesAndLeavesOnSigterm(Server server) throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        int[] ports = Project.freePorts(2);
        String app = server.name.toUpperCase(Locale.ROOT);
        try (ChildProcess process = server.app(eureka, ports[0], ports[1]).start(server.name())) {
            Map<String, Object> instance = listed(eureka, app, process);
            HttpResponse<String> hello = Http.get("http://127.0.0.1:" + ports[0] + "/hello", Duration.ofSeconds(3));

            assertEquals("hello", hello.body(), "listed, so it serves:\n" + process.output());
            assertEquals(Map.of("$", ports[0], "@enabled", "true"), instance.get("port"), process.output());
            assertEquals("UP", instance.get("status"));
            assertEquals("localhost:" + server.name + ":" + ports[0], instance.get("instanceId"));
            instance = settled(eureka, app, server, process);
            assertPages(server, instance, server.pagesPort(ports[0], ports[1]), process);

            process.stop(START);
            assertEquals(List.of(), Registry.instances(eureka, app), "deregistered before the JVM exited");
            assertFalse(process.output().contains("[eureka-agent] WARN"), process.output());
        }
    }

    /** Polls Eureka every 20 ms until it lists {@code app}; the app itself is left alone. */
    static Map<String, Object> listed(EurekaServer eureka, String app, ChildProcess process)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> instances = Registry.instances(eureka, app);
            if (!instances.isEmpty()) {
                return instances.get(0);
            }
            if (!process.isAlive()) {
                throw new AssertionError(app + " exited:\n" + process.output());
            }
            Thread.sleep(20);
        }
        throw new AssertionError(app + " not listed within " + START.toSeconds() + " s:\n" + process.output());
    }

    /**
     * The instance once its pages are settled: a home page standing in for the status page is looked at after the
     * registration, and left out (the instance sent again) when it answers 404.
     */
    private static Map<String, Object> settled(EurekaServer eureka, String app, Server server, ChildProcess process)
            throws IOException, InterruptedException {
        if (server.statusPath == null) {
            process.awaitLine("[eureka-agent] the changed instance sent to", START);
        }
        return Registry.instances(eureka, app).get(0);
    }

    private static void assertPages(Server server, Map<String, Object> instance, int pagesPort, ChildProcess process)
            throws IOException, InterruptedException {
        String pages = "http://localhost:" + pagesPort;
        if (server.statusPath == null) {
            assertFalse(instance.containsKey("statusPageUrl"), instance + "\n" + process.output());
        } else {
            assertEquals(pages + server.statusPath, instance.get("statusPageUrl"), process.output());
            int status = Http.get((String) instance.get("statusPageUrl")).statusCode();
            assertNotEquals(404, status, "the status page answers");
        }
        if (server.healthPath == null) {
            assertFalse(instance.containsKey("healthCheckUrl"), instance + "\n" + process.output());
        } else {
            assertEquals(pages + server.healthPath, instance.get("healthCheckUrl"), process.output());
            int status = Http.get((String) instance.get("healthCheckUrl")).statusCode();
            assertTrue(status >= 200 && status < 300, "the health page answers " + status);
        }
    }
}
