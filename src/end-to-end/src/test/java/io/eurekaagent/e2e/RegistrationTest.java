package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A plain JDK app, untouched, started with the agent: in Eureka once it listens, gone when it stops. */
class RegistrationTest {
    private static final Duration START = Duration.ofSeconds(30);

    @Test
    void theAppAppearsUpInEurekaOnceItListensWithItsPortVipUrlsAndMetadata() throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int port = Project.freePort();
        AgentApp app = AgentApp.testApp(server, "demo", port)
                .property("eureka.instance.metadata-map.zone", "zone-a")
                .property("eureka.instance.metadata-map.managementPort", "9090");

        try (ChildProcess process = app.start("demo")) {
            long listening = process.awaitLine("listening on port " + port, START).nanos;
            Map<String, Object> instance = Registry.awaitInstances(server, "DEMO", 1, START).get(0);
            long visibleMs = (System.nanoTime() - listening) / 1_000_000;

            System.out.println("DEMO visible in Eureka " + visibleMs + " ms after the app listened");
            // The server may list the instance before the agent's own line has reached us.
            // Its "listening" line and the agent's race (the agent registers once the accept loop runs, the app
            // prints after start() returns): the agent's line tells how long after the listen it registered.
            assertTrue(
                    process.awaitLine("[eureka-agent] registered DEMO", START).text.contains("after the app listened"),
                    process.output());
            assertEquals("DEMO", instance.get("app"));
            assertEquals("localhost:demo:" + port, instance.get("instanceId"));
            assertEquals("UP", instance.get("status"));
            assertEquals("localhost", instance.get("hostName"));
            assertEquals("127.0.0.1", instance.get("ipAddr"));
            assertEquals(Map.of("$", port, "@enabled", "true"), instance.get("port"));
            assertEquals("demo", instance.get("vipAddress"));
            assertEquals("demo", instance.get("secureVipAddress"));
            assertEquals("http://localhost:" + port + "/", instance.get("homePageUrl"));
            // A plain JDK app: its home page, and no health URL rather than a guess that may answer 404.
            assertEquals("http://localhost:" + port + "/", instance.get("statusPageUrl"));
            assertFalse(instance.containsKey("healthCheckUrl"), instance.toString());
            assertEquals(Map.of("zone", "zone-a", "managementPort", "9090"), instance.get("metadata"));
            assertEquals("MyOwn", ((Map<?, ?>) instance.get("dataCenterInfo")).get("name"));
            assertEquals(30, ((Map<?, ?>) instance.get("leaseInfo")).get("renewalIntervalInSecs"));
            assertEquals(90, ((Map<?, ?>) instance.get("leaseInfo")).get("durationInSecs"));
            // What was registered is what the app serves.
            assertEquals(200, Http.get((String) instance.get("statusPageUrl")).statusCode());
            assertEquals(
                    1,
                    process.output()
                            .lines()
                            .filter(line -> line.contains("[eureka-agent] registered DEMO"))
                            .count());
            // Issue 23: the agent's first line says which build runs, after a UTC timestamp as OpenTelemetry's.
            assertTrue(process.output().lines().filter(line -> line.contains("[eureka-agent]")).findFirst().orElse("")
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z \\[eureka-agent\\] eureka-agent"
                            + " \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(revision [0-9a-f]{12}.*\\) on Java .+"),
                    process.output());

            process.stop(START);
        }
    }

    enum Stop { SIGTERM, SYSTEM_EXIT }

    @ParameterizedTest
    @EnumSource(Stop.class)
    void theInstanceIsGoneFromEurekaBeforeTheProcessHasExited(Stop stop) throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int port = Project.freePort();
        String app = "goodbye-" + stop.ordinal();

        try (ChildProcess process = AgentApp.testApp(server, app, port).start(app)) {
            Registry.awaitInstances(server, app.toUpperCase(), 1, START);
            if (stop == Stop.SIGTERM) {
                process.sigterm();
            } else {
                Http.post("http://127.0.0.1:" + port + "/exit");
            }
            process.awaitExit(START);

            // Read once, right after the exit: without the DELETE the lease would last 90 s more.
            assertEquals(List.of(), Registry.instances(server, app.toUpperCase()));
            assertTrue(
                    process.output()
                            .contains("[eureka-agent] deregistered " + app.toUpperCase() + " instance localhost:" + app
                                    + ":" + port + " from " + server.serviceUrl()),
                    process.output());
        }
    }

    @Test
    void aContainerConfiguresTheAgentWithJavaToolOptionsAndEnvironmentVariables() throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int port = Project.freePort();
        AgentApp app = new AgentApp().withoutAgentFlag()
                .env("JAVA_TOOL_OPTIONS", "-javaagent:" + Project.agentJar())
                .env("PORT", Integer.toString(port))
                .env("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", server.serviceUrl())
                .env("EUREKA_INSTANCE_APPNAME", "k8s-orders")
                .env("EUREKA_INSTANCE_NONSECUREPORT", Integer.toString(port))
                .env("EUREKA_INSTANCE_PREFERIPADDRESS", "true")
                .env("EUREKA_INSTANCE_IPADDRESS", "127.0.0.1")
                .env("EUREKA_INSTANCE_METADATAMAP_ZONE", "zone-b");

        try (ChildProcess process = app.start("k8s-orders")) {
            Map<String, Object> instance = Registry.awaitInstances(server, "K8S-ORDERS", 1, START).get(0);

            assertEquals("127.0.0.1:k8s-orders:" + port, instance.get("instanceId"));
            assertEquals("127.0.0.1", instance.get("hostName"));
            assertEquals(Map.of("zone", "zone-b"), instance.get("metadata"));
            process.stop(START);
        }
    }

    @Test
    void withoutAHostNameSetTheOneTheAddressResolvesBackToIsRegistered() throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int port = Project.freePort();
        // 127.0.0.1 resolves back to localhost through /etc/hosts, as a host's address does through DNS.
        AgentApp app = new AgentApp().env("PORT", Integer.toString(port))
                .property("eureka.client.service-url.defaultZone", server.serviceUrl())
                .property("eureka.instance.appname", "reverse-named")
                .property("eureka.instance.ip-address", "127.0.0.1");

        try (ChildProcess process = app.start("reverse-named")) {
            Map<String, Object> instance = Registry.awaitInstances(server, "REVERSE-NAMED", 1, START).get(0);

            assertEquals("localhost", instance.get("hostName"));
            assertEquals("127.0.0.1", instance.get("ipAddr"));
            process.stop(START);
        }
    }

    @Test
    void agentThreadsAreNamedDaemonsAndPasswordsNeverShowInTheOutput() throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int port = Project.freePort();
        AgentApp app = AgentApp.testApp(server, "secretive", port)
                .property(
                        "eureka.client.service-url.defaultZone",
                        "http://agent:s3cret@127.0.0.1:" + server.port() + "/eureka/")
                .property("eureka.agent.debug", "true");

        try (ChildProcess process = app.start("secretive")) {
            Registry.awaitInstances(server, "SECRETIVE", 1, START);
            String jcmd = Paths.get(Project.appJava()).resolveSibling("jcmd").toString();
            String threads;
            try (ChildProcess dump = ChildProcess.start(
                    "jcmd", List.of(jcmd, Long.toString(process.pid()), "Thread.print"), Map.of(), Project.root())) {
                dump.awaitExit(START);
                threads = dump.output();
            }
            process.stop(START);

            List<String> agentThreads = threads.lines()
                    .filter(line -> line.startsWith("\"eureka-agent-"))
                    .collect(Collectors.toList());
            assertTrue(agentThreads.stream().anyMatch(line -> line.startsWith("\"eureka-agent-heartbeat\"")), threads);
            assertTrue(
                    agentThreads.stream().allMatch(line -> line.contains(" daemon ")), String.join("\n", agentThreads));
            assertTrue(
                    process.output().contains("http://agent:****@127.0.0.1:" + server.port() + "/eureka/"),
                    process.output());
            assertFalse(process.output().contains("s3cret"), process.output());
        }
    }

    @Test
    void jdkToolsStartedUnderTheSameJavaToolOptionsStayOutOfEureka() throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        String jcmd = Paths.get(Project.appJava()).resolveSibling("jcmd").toString();
        Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS", "-javaagent:" + Project.agentJar(),
                "EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", server.serviceUrl(), "EUREKA_AGENT_DEBUG", "true");

        try (ChildProcess process = ChildProcess.start("jcmd", List.of(jcmd, "-l"), env, Project.root())) {
            assertEquals(0, process.awaitExit(START), process.output());

            assertTrue(process.output().contains("Picked up JAVA_TOOL_OPTIONS"), process.output());
            assertFalse(process.output().contains("[eureka-agent]"), process.output());
        }
    }
}
