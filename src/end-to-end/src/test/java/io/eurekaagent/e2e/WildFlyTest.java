package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WAR on WildFly, which binds HTTP and HTTPS on two threads at once and accepts connections before its
 * deployments are done (it holds the requests until they are): the health check is what tells when it serves.
 */
class WildFlyTest {
    private static final Duration START = Duration.ofSeconds(120);

    @Test
    void withTheHealthCheckAWarOnWildFlyTurnsUpOnlyOnceItAnswersOnItsHttpPort(@TempDir Path dir) throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        WildFly wildfly = WildFly.with(dir, Project.jar("hello-war.war"));
        String hello = "http://127.0.0.1:" + wildfly.httpPort() + "/hello-war/hello";

        try (ChildProcess process = wildfly.start(
                "wildfly",
                List.of(
                        "-Dhello-war.deploy-seconds=8",
                        "-Deureka.client.service-url.defaultZone=" + eureka.serviceUrl(),
                        "-Deureka.instance.appname=wildfly-war",
                        "-Deureka.instance.hostname=localhost",
                        "-Deureka.instance.ip-address=127.0.0.1",
                        "-Deureka.client.healthcheck.enabled=true",
                        "-Deureka.instance.health-check-url-path=/hello-war/hello"))) {
            Map<String, Object> instance = awaitUpCheckingItServes(eureka, hello, process);

            assertEquals(Map.of("$", wildfly.httpPort(), "@enabled", "true"), instance.get("port"),
                    "HTTP, not HTTPS (" + wildfly.httpsPort() + ")");
            assertTrue(
                    process.output()
                            .contains("registered WILDFLY-WAR instance localhost:wildfly-war:" + wildfly.httpPort()
                                    + " at 127.0.0.1:" + wildfly.httpPort() + " (STARTING)"),
                    process.output());
            WildFly.sigterm(process);
            process.awaitExit(START);
            assertEquals(List.of(), Registry.instances(eureka, "WILDFLY-WAR"), "deregistered before the JVM exited");
        }
    }

    /**
     * Polls Eureka and the app: when Eureka first lists the instance UP, the app must answer at once (a request held
     * until the deployment is done would time out), and within a few seconds of its first answer (the health check
     * runs every 500 ms while the instance is STARTING, not every 30 s).
     */
    private static Map<String, Object> awaitUpCheckingItServes(EurekaServer eureka, String hello, ChildProcess process)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        long firstAnswer = 0;
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> instances = Registry.instances(eureka, "WILDFLY-WAR");
            if (!instances.isEmpty() && "UP".equals(instances.get(0).get("status"))) {
                assertEquals("hello", Http.get(hello).body(), "listed UP, so it must serve:\n" + process.output());
                long upAfterMs = firstAnswer == 0 ? 0 : (System.nanoTime() - firstAnswer) / 1_000_000;
                System.out.println(
                        "WildFly: WILDFLY-WAR UP in Eureka " + upAfterMs + " ms after the app first answered");
                // Well within the 30 s renewal interval: the STARTING instance is checked every 500 ms.
                assertTrue(upAfterMs <= 15_000, upAfterMs + " ms\n" + process.output());
                return instances.get(0);
            }
            if (firstAnswer == 0 && answers(hello)) {
                firstAnswer = System.nanoTime();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("WILDFLY-WAR not UP within " + START.toSeconds() + " s:\n" + process.output());
    }

    private static boolean answers(String url) throws InterruptedException {
        try {
            return Http.get(url, Duration.ofMillis(300)).statusCode() == 200;
        } catch (IOException heldOrRefused) {
            return false;
        }
    }
}
