package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With eureka.client.healthcheck.enabled, Eureka shows what the app's health endpoint says. */
class HealthStatusTest {
    private static final Duration START = Duration.ofSeconds(30);

    @Test
    void statusFollowsTheAppsHealthStartingUpDownUp() throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int port = Project.freePort();
        AgentApp app = AgentApp.testApp(server, "moody", port)
                .env("HEALTH", "down")
                .property("eureka.client.healthcheck.enabled", "true")
                .property("eureka.agent.health-check-interval-seconds", "1");

        try (ChildProcess process = app.start("moody")) {
            // Not healthy yet: an app that has never answered 2xx is still starting.
            awaitStatus(server, "STARTING");
            Http.post("http://127.0.0.1:" + port + "/health/up");
            awaitStatus(server, "UP");
            Http.post("http://127.0.0.1:" + port + "/health/down");
            awaitStatus(server, "DOWN");
            Http.post("http://127.0.0.1:" + port + "/health/up");
            awaitStatus(server, "UP");

            assertEquals(
                    1,
                    process.output()
                            .lines()
                            .filter(line -> line.contains("status UP -> DOWN"))
                            .count(),
                    process.output());
            process.stop(START);
        }
    }

    private static void awaitStatus(EurekaServer server, String status) throws Exception {
        String[] seen = {"none"};
        Await.until(START, () -> {
            List<Map<String, Object>> instances = Registry.instances(server, "MOODY");
            seen[0] = instances.isEmpty() ? "none" : (String) instances.get(0).get("status");
            return status.equals(seen[0]);
        }, () -> "MOODY is " + seen[0] + " in Eureka, not " + status);
    }
}
