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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
        List<String> wrong = twentyStarts(eureka, "two-listeners", 5, false, (name, plain) -> app(eureka, name)
                .main("-cp", classes(), "io.eurekaagent.e2e.apps.TwoListenersApp",
                        Integer.toString(tlsLookingFreePort()), Integer.toString(plain))
                .start(name));
        assertEquals(List.of(), wrong, "20 of 20 starts register the plain port");
    }

    /**
     * {@code HttpServer.create()} registers its interest in accepting before it is bound: seen only at the bind, it
     * is registered with no caller, within a second, whether it is alone or bound with a TLS-looking port beside it.
     */
    @ParameterizedTest(name = "with a TLS-looking port beside it: {0}")
    @ValueSource(booleans = {false, true})
    void anHttpServerBoundAfterItWasCreatedIsRegisteredWithNoCallerWithinASecond(boolean tlsBeside)
            throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        List<String> wrong = twentyStarts(eureka, "late-bind-" + tlsBeside, 2, true, (name, plain) -> {
            List<String> ports = new ArrayList<>(List.of(Integer.toString(plain)));
            if (tlsBeside) {
                ports.add(Integer.toString(tlsLookingFreePort()));
            }
            List<String> command = new ArrayList<>(List.of("-cp", classes(), "io.eurekaagent.e2e.apps.LateBindApp"));
            command.addAll(ports);
            return app(eureka, name).main(command.toArray(new String[0])).start(name);
        });
        assertEquals(List.of(), wrong, "20 of 20 starts registered");
    }

    /** What one start is: its name and the plain port it must be registered with. */
    private interface Start {
        ChildProcess start(String name, int plainPort) throws IOException;
    }

    /**
     * Twenty starts of an app, {@code together} at a time, each under its own name: what went wrong in any (empty: 20
     * of 20). An instance must be registered with its plain port; {@code inASecond}: within a second of the line
     * saying it listens there.
     */
    private static List<String> twentyStarts(EurekaServer eureka, String prefix, int together, boolean inASecond,
            Start start) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (int batch = 0; batch < 20 / together; batch++) {
            List<ChildProcess> processes = new ArrayList<>();
            List<Integer> plainPorts = new ArrayList<>();
            try {
                for (int i = 0; i < together; i++) {
                    int plain = Project.freePort();
                    plainPorts.add(plain);
                    processes.add(start.start(prefix + "-" + (batch * together + i), plain));
                }
                for (int i = 0; i < processes.size(); i++) {
                    String name = (prefix + "-" + (batch * together + i)).toUpperCase();
                    ChildProcess process = processes.get(i);
                    Object port = Registry.awaitInstances(eureka, name, 1, START).get(0).get("port");
                    long listening = process.awaitLine("listening on port " + plainPorts.get(i), START).nanos;
                    long registered = process.awaitLine("[eureka-agent] registered " + name, START).nanos;
                    if (!Map.of("$", plainPorts.get(i), "@enabled", "true").equals(port)) {
                        wrong.add(name + " registered " + port + ":\n" + process.output());
                    } else if (inASecond && registered - listening > 1_000_000_000L) {
                        wrong.add(name + " registered " + (registered - listening) / 1_000_000 + " ms after it"
                                + " listened:\n" + process.output());
                    }
                }
            } finally {
                for (ChildProcess process : processes) {
                    process.stop(START);
                    process.close();
                }
            }
        }
        return wrong;
    }

    private static String classes() {
        return Project.root().resolve("src/end-to-end/target/classes").toString();
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

    /** Ports handed out already: apps started together must not get the same one. */
    private static final Set<Integer> TLS_HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** A free port numbered like a TLS one (10443, 11443 ...), not handed out before. */
    private static int tlsLookingFreePort() throws IOException {
        for (int port = 10443 + (int) (Math.random() * 50) * 1000; port < 65536; port += 1000) {
            try (ServerSocket probe = new ServerSocket(port)) {
                if (!TLS_HANDED_OUT.add(port)) {
                    continue;
                }
                return port;
            } catch (IOException taken) {
                // next
            }
        }
        throw new IOException("no free port ending in 443");
    }
}
