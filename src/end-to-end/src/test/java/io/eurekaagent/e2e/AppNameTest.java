package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** No app name set: an app is registered under its own name, never its launcher's. */
class AppNameTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    private static AgentApp app(EurekaServer eureka) {
        return new AgentApp()
                .property("eureka.client.service-url.defaultZone", eureka.serviceUrl())
                .property("eureka.instance.hostname", "localhost")
                .property("eureka.instance.ip-address", "127.0.0.1");
    }

    @Test
    void aQuarkusFastJarIsRegisteredUnderItsApplicationsNameNotQuarkusRun() throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        int port = Project.freePort();
        AgentApp quarkus = app(eureka).property("quarkus.http.port", Integer.toString(port))
                .main("-jar", Project.jar("quarkus-app/quarkus-run.jar").toString());

        try (ChildProcess process = quarkus.start("quarkus-orders")) {
            Map<String, Object> instance = Registry.awaitInstances(eureka, "QUARKUS-ORDERS", 1, START).get(0);

            assertEquals("localhost:quarkus-orders:" + port, instance.get("instanceId"), process.output());
            assertEquals(Map.of("$", port, "@enabled", "true"), instance.get("port"));
            assertEquals("hello", Http.awaitOk("http://127.0.0.1:" + port + "/hello", START));
            assertEquals(0, Registry.instances(eureka, "QUARKUS-RUN").size());
            process.stop(START);
        }
    }

    @Test
    void quarkusApplicationNameNamesTheApp() throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        int port = Project.freePort();
        AgentApp quarkus = app(eureka).property("quarkus.http.port", Integer.toString(port))
                .env("QUARKUS_APPLICATION_NAME", "billing")
                .main("-jar", Project.jar("quarkus-app/quarkus-run.jar").toString());

        try (ChildProcess process = quarkus.start("quarkus-billing")) {
            assertEquals(
                    "localhost:billing:" + port,
                    Registry.awaitInstances(eureka, "BILLING", 1, START).get(0).get("instanceId"));
            process.stop(START);
        }
    }

    @Test
    void aSingleFileSourceProgramIsRegisteredUnderItsFileNameAndCallsServicesByName() throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        int servicePort = Project.freePort();
        AgentApp greeter = app(eureka)
                .property("eureka.client.fetch-registry", "true")
                .property("eureka.client.registry-fetch-interval-seconds", "1")
                .property("eureka.agent.resolve-service-urls", "true")
                .main(Project.root().resolve("src/end-to-end/target/test-classes/single-file/Greeter.java").toString());

        try (ChildProcess service = AgentApp.testApp(eureka, "hello-service", servicePort).start("hello-service");
             ChildProcess program = greeter.start("greeter-java")) {
            Matcher listening = LISTENING.matcher(
                    program.awaitLine(line -> LISTENING.matcher(line).find(), START).text);
            assertTrue(listening.find());
            int port = Integer.parseInt(listening.group(1));
            Map<String, Object> instance = Registry.awaitInstances(eureka, "GREETER", 1, START).get(0);
            Registry.awaitInstances(eureka, "HELLO-SERVICE", 1, START);

            assertEquals("localhost:Greeter:" + port, instance.get("instanceId"), program.output());
            assertEquals("hello", Http.awaitOk("http://127.0.0.1:" + port + "/call/hello-service", START));
            program.stop(START);
            service.stop(START);
        }
    }
}
