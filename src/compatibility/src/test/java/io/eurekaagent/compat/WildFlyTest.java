package io.eurekaagent.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.e2e.ChildProcess;
import io.eurekaagent.e2e.EurekaServer;
import io.eurekaagent.e2e.Http;
import io.eurekaagent.e2e.Project;
import io.eurekaagent.e2e.Registry;
import io.eurekaagent.e2e.SharedEurekaServer;
import io.eurekaagent.e2e.WildFly;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WAR on WildFly, which binds HTTP and HTTPS on two threads at once and accepts connections before its deployments
 * are done (it holds the requests until they are): WildFly's own boot state tells when it serves, with no setting,
 * and the health check, when on, agrees.
 */
class WildFlyTest {
    private static final Duration START = Duration.ofSeconds(120);

    @ParameterizedTest(name = "health check on: {0}")
    @ValueSource(booleans = {false, true})
    void aWarOnWildFlyIsListedUpOnlyOnceItAnswersAndWithinTwoSecondsOfIt(boolean healthCheck, @TempDir Path dir)
            throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        WildFly wildfly = WildFly.with(dir, Project.jar("hello-war.war"));
        String hello = "http://127.0.0.1:" + wildfly.httpPort() + "/hello-war/hello";
        List<String> options = new ArrayList<>(List.of(
                "-XX:+UnlockDiagnosticVMOptions",
                "-XX:+BytecodeVerificationLocal",
                "-Dhello-war.deploy-seconds=8",
                "-Deureka.client.service-url.defaultZone=" + eureka.serviceUrl(),
                "-Deureka.instance.appname=wildfly-war-" + healthCheck,
                "-Deureka.instance.hostname=localhost",
                "-Deureka.instance.ip-address=127.0.0.1"));
        if (healthCheck) {
            options.add("-Deureka.client.healthcheck.enabled=true");
            options.add("-Deureka.instance.health-check-url-path=/hello-war/hello");
        }
        String app = "WILDFLY-WAR-" + String.valueOf(healthCheck).toUpperCase();

        try (ChildProcess process = wildfly.start("wildfly", options)) {
            Map<String, Object> instance = awaitUpCheckingItServes(eureka, app, hello, process);

            assertEquals(Map.of("$", wildfly.httpPort(), "@enabled", "true"), instance.get("port"),
                    "HTTP, not HTTPS (" + wildfly.httpsPort() + ")");
            // WildFly's welcome page answers the home page; without the health check, no health URL.
            assertEquals(200, Http.get((String) instance.get("statusPageUrl")).statusCode());
            assertEquals(healthCheck, instance.containsKey("healthCheckUrl"), instance.toString());
            process.assertOrder("holds requests until its boot is over", "WFLYSRV0010: Deployed \"hello-war.war\"",
                    "[eureka-agent] registered " + app);
            assertEquals(List.of(), process.output().lines().filter(line -> line.contains("[eureka-agent]")
                    && !line.matches("(\\S+Z )?\\[eureka-agent\\] .*")).collect(Collectors.toList()),
                    "agent lines start clean");
            WildFly.sigterm(process);
            process.awaitExit(START);
            assertEquals(List.of(), Registry.instances(eureka, app), "deregistered before the JVM exited");
        }
    }

    /**
     * Polls Eureka and the app: when Eureka first lists the instance UP, the app must answer at once (a request held
     * until the deployment is done would time out), and within 2 s of its first answer.
     */
    private static Map<String, Object> awaitUpCheckingItServes(EurekaServer eureka, String app, String hello,
            ChildProcess process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        long firstAnswer = 0;
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> instances = Registry.instances(eureka, app);
            if (!instances.isEmpty() && "UP".equals(instances.get(0).get("status"))) {
                assertEquals("hello", Http.get(hello).body(), "listed UP, so it must serve:\n" + process.output());
                long upAfterMs = firstAnswer == 0 ? 0 : (System.nanoTime() - firstAnswer) / 1_000_000;
                System.out.println(
                        "WildFly: " + app + " UP in Eureka " + upAfterMs + " ms after the app first answered");
                assertTrue(upAfterMs <= 2_000, upAfterMs + " ms\n" + process.output());
                return instances.get(0);
            }
            if (firstAnswer == 0 && answers(hello)) {
                firstAnswer = System.nanoTime();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(app + " not UP within " + START.toSeconds() + " s:\n" + process.output());
    }

    private static boolean answers(String url) throws InterruptedException {
        try {
            return Http.get(url, Duration.ofMillis(300)).statusCode() == 200;
        } catch (IOException heldOrRefused) {
            return false;
        }
    }
}
