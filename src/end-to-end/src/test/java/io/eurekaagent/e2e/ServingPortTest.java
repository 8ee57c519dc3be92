package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Apps that open more than their service port: the port registered is the one callers can use. */
class ServingPortTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    private static AgentApp app(EurekaServer eureka, String name) {
        return new AgentApp()
                .property("eureka.client.service-url.defaultZone", eureka.serviceUrl())
                .property("eureka.instance.appname", name)
                .property("eureka.instance.hostname", "localhost")
                .property("eureka.instance.ip-address", "127.0.0.1");
    }

    @ParameterizedTest(name = "start {0}")
    @ValueSource(ints = {1, 2, 3})
    void withRemoteJmxOnTheHttpPortIsRegisteredNotTheRmiServersRandomPort(int start) throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        String name = "jmx-app-" + start;
        AgentApp app = app(eureka, name).env("PORT", "0")
                .jvmOption("-Dcom.sun.management.jmxremote.port=" + Project.freePort())
                .jvmOption("-Dcom.sun.management.jmxremote.authenticate=false")
                .jvmOption("-Dcom.sun.management.jmxremote.ssl=false");

        try (ChildProcess process = app.start(name)) {
            int http = listeningPort(process);
            Map<String, Object> instance = Registry.awaitInstances(eureka, name.toUpperCase(), 1, START).get(0);

            assertEquals(Map.of("$", http, "@enabled", "true"), instance.get("port"), process.output());
            process.stop(START);
        }
    }

    @Test
    void ofATlsLookingPortAndAPlainOneBoundTogetherThePlainOneIsRegisteredEveryTime() throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        List<String> wrong = new ArrayList<>();
        for (int batch = 0; batch < 4; batch++) {
            List<ChildProcess> processes = new ArrayList<>();
            List<Integer> plainPorts = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    String name = "two-listeners-" + (batch * 5 + i);
                    int tls = tlsLookingFreePort();
                    int plain = Project.freePort();
                    plainPorts.add(plain);
                    processes.add(app(eureka, name)
                            .main(
                                    "-cp",
                                    Project.root()
                                            .resolve("src/end-to-end/target/classes")
                                            .toString(),
                                    "io.eurekaagent.e2e.apps.TwoListenersApp",
                                    Integer.toString(tls),
                                    Integer.toString(plain))
                            .start(name));
                }
                for (int i = 0; i < processes.size(); i++) {
                    String name = "TWO-LISTENERS-" + (batch * 5 + i);
                    Object port = Registry.awaitInstances(eureka, name, 1, START).get(0).get("port");
                    if (!Map.of("$", plainPorts.get(i), "@enabled", "true").equals(port)) {
                        wrong.add(name + " registered " + port + ":\n" + processes.get(i).output());
                    }
                }
            } finally {
                for (ChildProcess process : processes) {
                    process.stop(START);
                    process.close();
                }
            }
        }
        assertEquals(List.of(), wrong, "20 of 20 starts register the plain port");
    }

    @Test
    void aSpringBootAppWithTheActuatorIsRegisteredWithHealthAndStatusUrlsThatAnswer() throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        int port = Project.freePort();
        AgentApp boot = app(eureka, "boot-actuator")
                .main("-jar", Project.jar("spring-boot-app.jar").toString(), "--server.port=" + port);

        try (ChildProcess process = boot.start("boot-actuator")) {
            Map<String, Object> instance = Registry.awaitInstances(eureka, "BOOT-ACTUATOR", 1, START).get(0);

            assertEquals("http://localhost:" + port + "/actuator/health", instance.get("healthCheckUrl"));
            assertEquals("http://localhost:" + port + "/actuator/info", instance.get("statusPageUrl"));
            assertEquals(200, Http.get((String) instance.get("healthCheckUrl")).statusCode());
            assertEquals(200, Http.get((String) instance.get("statusPageUrl")).statusCode());
            process.stop(START);
        }
    }

    @Test
    void agentLinesGoToTheProcessStderrNotToASystemErrTheAppInstalled() throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        AgentApp app = app(eureka, "stderr-app")
                .main(
                        "-cp",
                        Project.root().resolve("src/end-to-end/target/classes").toString(),
                        "io.eurekaagent.e2e.apps.StderrReplacingApp");

        try (ChildProcess process = app.start("stderr-app")) {
            listeningPort(process);
            String registered = process.awaitLine("registered STDERR-APP", START).text;
            process.stop(START);

            assertTrue(registered.startsWith("[eureka-agent] registered"), registered);
            assertFalse(process.output().contains("ERROR [stderr] [eureka-agent]"), process.output());
        }
    }

    private static int listeningPort(ChildProcess process) throws InterruptedException {
        Matcher matcher = LISTENING.matcher(process.awaitLine(line -> LISTENING.matcher(line).find(), START).text);
        assertTrue(matcher.find());
        return Integer.parseInt(matcher.group(1));
    }

    /** A free port numbered like a TLS one (10443, 11443 ...). */
    private static int tlsLookingFreePort() throws IOException {
        for (int port = 10443 + (int) (Math.random() * 50) * 1000; port < 65536; port += 1000) {
            try (ServerSocket probe = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // next
            }
        }
        throw new IOException("no free port ending in 443");
    }
}
