package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Agent-registered apps sit next to Spring Cloud services: a Spring Cloud Eureka client finds one by name and calls it. */
class SpringCloudInteropTest {
    private static final Duration START = Duration.ofSeconds(90);

    @Test
    void aSpringCloudEurekaClientFindsTheAgentRegisteredAppByNameAndCallsIt() throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int appPort = Project.freePort();
        int clientPort = Project.freePort();
        List<String> springClient = List.of(Project.javaOfThisJvm(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-jar", Project.jar("src/spring-client/target/spring-client.jar").toString(),
                "--server.port=" + clientPort, "--eureka.client.service-url.defaultZone=" + server.serviceUrl());

        try (ChildProcess app = AgentApp.testApp(server, "greeter", appPort).start("greeter");
             ChildProcess client = ChildProcess.start("spring-client", springClient, Map.of(), Project.root())) {
            Registry.awaitInstances(server, "GREETER", 1, START);

            assertEquals("hello", Http.awaitOk("http://127.0.0.1:" + clientPort + "/call/greeter", START));
            app.stop(START);
        }
    }
}
