package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** No port configured anywhere: the agent registers the port each kind of server really bound. */
class PortDetectionTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)|Tomcat started on port (\\d+)");

    enum Server {
        BLOCKING_SERVER_SOCKET, SERVER_SOCKET_CHANNEL, AGENT_TEST_APP, JETTY_12, SPRING_BOOT_TOMCAT;

        AgentApp app(EurekaServer eureka, String name) throws Exception {
            AgentApp app = new AgentApp()
                    .property("eureka.client.service-url.defaultZone", eureka.serviceUrl())
                    .property("eureka.instance.appname", name)
                    .property("eureka.instance.hostname", "localhost")
                    .property("eureka.instance.ip-address", "127.0.0.1");
            String e2eClasses = Project.root().resolve("src/end-to-end/target/classes").toString();
            switch (this) {
                case BLOCKING_SERVER_SOCKET:
                    return app.main("-cp", e2eClasses, "io.eurekaagent.e2e.apps.SocketApp", "blocking");
                case SERVER_SOCKET_CHANNEL:
                    return app.main("-cp", e2eClasses, "io.eurekaagent.e2e.apps.SocketApp", "nio");
                case AGENT_TEST_APP:
                    return app.env("PORT", "0");
                case JETTY_12:
                    String classpath = Project.root().resolve("src/end-to-end/target/test-classes")
                            + java.io.File.pathSeparator
                            + Files.readString(Project.root().resolve("src/end-to-end/target/test-classpath.txt"))
                                    .trim();
                    return app.main("-cp", classpath, "io.eurekaagent.e2e.JettyApp");
                default:
                    return app.main("-jar", Project.jar("spring-boot-app.jar").toString(),
                            "--server.port=0", "--logging.level.org.springframework.boot.tomcat=INFO",
                            "--logging.level.org.springframework.boot.web.embedded.tomcat=INFO");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void registersThePortTheServerBound(Server server) throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        String name = "ports-" + server.name().toLowerCase().replace('_', '-');

        try (ChildProcess process = server.app(eureka, name).start(name)) {
            int bound = boundPort(process);
            Map<String, Object> instance = Registry.awaitInstances(eureka, name.toUpperCase(), 1, START).get(0);

            assertEquals(Map.of("$", bound, "@enabled", "true"), instance.get("port"), process.output());
            assertEquals("localhost:" + name + ":" + bound, instance.get("instanceId"));
            assertTrue(
                    process.output()
                            .contains("registering port " + bound + ", the first port the app accepts connections on"),
                    process.output());
            assertEquals("hello", Http.awaitOk("http://127.0.0.1:" + bound + "/hello", START));
            process.stop(START);
        }
    }

    @Test
    void twoInstancesOnAnyFreePortOnOneHostAreTwoInstancesInEureka() throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        try (ChildProcess first = Server.AGENT_TEST_APP.app(eureka, "twins").start("twin-1");
             ChildProcess second = Server.AGENT_TEST_APP.app(eureka, "twins").start("twin-2")) {
            int firstPort = boundPort(first);
            int secondPort = boundPort(second);
            List<Map<String, Object>> instances = Registry.awaitInstances(eureka, "TWINS", 2, START);

            assertNotEquals(firstPort, secondPort);
            assertEquals(
                    List.of(
                            "localhost:twins:" + Math.min(firstPort, secondPort),
                            "localhost:twins:" + Math.max(firstPort, secondPort)),
                    instances.stream()
                            .map(i -> (String) i.get("instanceId"))
                            .sorted()
                            .collect(Collectors.toList()));
            first.stop(START);
            second.stop(START);
        }
    }

    @Test
    void anAgentGivenBeforeWithAPortOfItsOwnNeitherHidesTheAppsPortNorHasItsOwnRegistered() throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        // Like jmx_exporter or Jolokia: the JDK's socket classes loaded, and a port listening, before the agent.
        AgentApp app = Server.AGENT_TEST_APP.app(eureka, "after-early-agent")
                .jvmOption("-javaagent:" + Project.testAppJar());

        try (ChildProcess process = app.start("after-early-agent")) {
            String early = process.awaitLine(line -> line.startsWith("early agent: metrics on port "), START).text;
            int bound = boundPort(process);
            Map<String, Object> instance = Registry.awaitInstances(eureka, "AFTER-EARLY-AGENT", 1, START).get(0);

            assertEquals(Map.of("$", bound, "@enabled", "true"), instance.get("port"), process.output());
            assertNotEquals(early.substring(early.lastIndexOf(' ') + 1), Integer.toString(bound));
            assertTrue(process.output().contains("registering port " + bound + ", "), process.output());
            process.stop(START);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bind      | registering port %d, the configured eureka.instance.non-secure-port",
        "port-open | port %d accepts connections; registering it",
    })
    void aConfiguredPortIsTheOneRegistered(String registerOn, String expectedLine) throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        int port = Project.freePort();
        String name = "configured-" + registerOn;
        AgentApp app = Server.AGENT_TEST_APP.app(eureka, name).env("PORT", Integer.toString(port))
                .property("eureka.agent.register-on", registerOn)
                .property("eureka.instance.non-secure-port", Integer.toString(port));

        try (ChildProcess process = app.start(name)) {
            Map<String, Object> instance = Registry.awaitInstances(eureka, name.toUpperCase(), 1, START).get(0);

            assertEquals(Map.of("$", port, "@enabled", "true"), instance.get("port"));
            assertTrue(process.output().contains(String.format(expectedLine, port)), process.output());
            process.stop(START);
        }
    }

    @Test
    void registerOnStartRegistersAnAppWithNoPortAtOnce() throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        AgentApp app = Server.AGENT_TEST_APP.app(eureka, "batch").property("eureka.agent.register-on", "start");

        try (ChildProcess process = app.start("batch")) {
            Map<String, Object> instance = Registry.awaitInstances(eureka, "BATCH", 1, START).get(0);

            assertEquals("localhost:batch:" + process.pid(), instance.get("instanceId"));
            assertEquals("false", ((Map<?, ?>) instance.get("port")).get("@enabled"));
            assertEquals("false", ((Map<?, ?>) instance.get("securePort")).get("@enabled"));
            process.stop(START);
        }
    }

    @Test
    void anAppWithItsOwnJulLogManagerStartsNormally() throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        AgentApp app = Server.BLOCKING_SERVER_SOCKET
                .app(eureka, "jul-app")
                .main(
                        "-cp",
                        Project.root().resolve("src/end-to-end/target/classes").toString(),
                        "io.eurekaagent.e2e.apps.JulManagerApp");

        try (ChildProcess process = app.start("jul-app")) {
            int bound = boundPort(process);
            Map<String, Object> instance = Registry.awaitInstances(eureka, "JUL-APP", 1, START).get(0);

            assertEquals(Map.of("$", bound, "@enabled", "true"), instance.get("port"));
            assertTrue(process.output().contains("logging through the app's own LogManager"), process.output());
            process.stop(START);
        }
    }

    private static int boundPort(ChildProcess process) throws InterruptedException {
        Matcher matcher = LISTENING.matcher(process.awaitLine(line -> LISTENING.matcher(line).find(), START).text);
        matcher.find();
        return Integer.parseInt(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }
}
