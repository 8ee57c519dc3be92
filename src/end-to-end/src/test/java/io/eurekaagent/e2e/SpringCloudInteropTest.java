package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Agent-registered apps sit next to Spring Cloud services: a Spring Cloud Eureka client finds one by name and calls it.
 */
class SpringCloudInteropTest {
    private static final Duration START = Duration.ofSeconds(90);

    /**
     * src/spring-client, a Spring Cloud Netflix Eureka client app, on {@code port}, registered with {@code server} as
     * {@code name}: each test its own, as one killed by another test stays listed until its lease expires.
     */
    static ChildProcess springClient(EurekaServer server, int port, String name) throws IOException {
        List<String> command = List.of(Project.javaOfThisJvm(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-jar", Project.jar("spring-client.jar").toString(),
                "--server.port=" + port, "--eureka.client.service-url.defaultZone=" + server.serviceUrl(),
                "--spring.application.name=" + name);
        return ChildProcess.start(name, command, Map.of(), Project.root());
    }

    @Test
    void aSpringCloudEurekaClientFindsTheAgentRegisteredAppByNameAndCallsIt() throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int appPort = Project.freePort();
        int clientPort = Project.freePort();
        try (ChildProcess app = AgentApp.testApp(server, "interop-greeter", appPort).start("interop-greeter");
             ChildProcess client = springClient(server, clientPort, "interop-caller")) {
            Registry.awaitInstances(server, "INTEROP-GREETER", 1, START);

            assertEquals("hello", Http.awaitOk("http://127.0.0.1:" + clientPort + "/call/interop-greeter", START));
            app.stop(START);
            client.stop(START);
        }
    }
}
