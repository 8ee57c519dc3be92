package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Eureka is down when the app starts: the app starts on time anyway, and registers soon after Eureka comes up. */
class EurekaDownAtStartTest {
    private static final Duration START = Duration.ofSeconds(30);
    private static final int RENEWAL_SECONDS = 2;

    @Test
    void theAppServesAtOnceAndIsRegisteredWithinOneBackOffStepOfEurekaComingUp() throws Exception {
        int eurekaPort = Project.freePort();
        int port = Project.freePort();
        AgentApp app = new AgentApp().env("PORT", Integer.toString(port))
                .property("eureka.client.service-url.defaultZone", "http://127.0.0.1:" + eurekaPort + "/eureka/")
                .property("eureka.instance.appname", "early-bird")
                .property("eureka.instance.hostname", "localhost")
                .property("eureka.instance.ip-address", "127.0.0.1")
                .property("eureka.instance.lease-renewal-interval-in-seconds", Integer.toString(RENEWAL_SECONDS))
                .property("eureka.instance.lease-expiration-duration-in-seconds", "6");

        try (ChildProcess process = app.start("early-bird")) {
            assertEquals("hello", Http.awaitOk("http://127.0.0.1:" + port + "/hello", START));
            process.awaitLine("registration failed", START);

            try (EurekaServer server = EurekaServer.startOn(eurekaPort)) {
                Registry.awaitInstances(server, "EARLY-BIRD", 1, START);
                long registeredMs = (System.nanoTime() - server.answeringSinceNanos()) / 1_000_000;

                System.out.println("registered " + registeredMs + " ms after Eureka first answered");
                // The back-off's exact steps are RegistrarTest's; here: failed, registered once Eureka is up, one line.
                process.awaitLine("Eureka answers again after", START);
                process.assertOrder(
                        "registration failed", "[eureka-agent] registered EARLY-BIRD", "Eureka answers again after");
                process.stop(START);
            }
        }
    }
}
