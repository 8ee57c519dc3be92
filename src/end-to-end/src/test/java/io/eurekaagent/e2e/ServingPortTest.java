package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Apps that open more than their service port: the port registered is the one callers can use. */
class ServingPortTest {
    static final Duration START = Duration.ofSeconds(90);
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    static AgentApp app(EurekaServer eureka, String name) {
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
        List<String> wrong = TwentyStarts.of(eureka, "two-listeners", 5, false, (name, plain) -> app(eureka, name)
                .main("-cp", TwentyStarts.classes(), "io.eurekaagent.e2e.apps.TwoListenersApp",
                        Integer.toString(TwentyStarts.tlsLookingFreePort()), Integer.toString(plain))
                .start(name));
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
                        TwentyStarts.classes(),
                        "io.eurekaagent.e2e.apps.StderrReplacingApp");

        try (ChildProcess process = app.start("stderr-app")) {
            listeningPort(process);
            String registered = process.awaitLine("registered STDERR-APP", START).text;
            process.stop(START);

            assertTrue(registered.contains("[eureka-agent] registered"), registered);
            assertFalse(process.output().contains("ERROR [stderr] [eureka-agent]"), process.output());
        }
    }

    private static int listeningPort(ChildProcess process) throws InterruptedException {
        Matcher matcher = LISTENING.matcher(process.awaitLine(line -> LISTENING.matcher(line).find(), START).text);
        assertTrue(matcher.find());
        return Integer.parseInt(matcher.group(1));
    }

}
