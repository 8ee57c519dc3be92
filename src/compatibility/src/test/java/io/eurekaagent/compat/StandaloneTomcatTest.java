package io.eurekaagent.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.e2e.ChildProcess;
import io.eurekaagent.e2e.EurekaServer;
import io.eurekaagent.e2e.Http;
import io.eurekaagent.e2e.Project;
import io.eurekaagent.e2e.Registry;
import io.eurekaagent.e2e.SharedEurekaServer;
import io.eurekaagent.e2e.StandaloneTomcat;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A legacy WAR on standalone Tomcat, started with catalina.sh: Tomcat binds its connector while it initialises and
 * accepts connections only once every webapp is deployed, so a bound port is not yet a serving one.
 */
class StandaloneTomcatTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Pattern AFTER_READY = Pattern.compile("(\\d+) ms after the app listened");

    @Test
    void aWarThatTakesSecondsToDeployIsRegisteredOnlyOnceTomcatServesIt(@TempDir Path dir) throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        int[] ports = Project.freePorts(2);
        StandaloneTomcat tomcat = StandaloneTomcat.with(dir, Project.jar("hello-war.war"), ports[0], ports[1]);

        try (ChildProcess process = tomcat.start("tomcat-hello-war", List.of("-XX:+UnlockDiagnosticVMOptions",
                "-XX:+BytecodeVerificationLocal", "-Dhello-war.deploy-seconds=8",
                "-Deureka.client.service-url.defaultZone=" + eureka.serviceUrl(), "-Deureka.instance.appname=hello-war",
                "-Deureka.instance.hostname=localhost", "-Deureka.instance.ip-address=127.0.0.1"))) {
            Map<String, Object> instance = Scenario.listed(eureka, "HELLO-WAR", process);
            // The moment Eureka lists it, it serves: registered at the bind, this call would wait out the 8 s
            // deployment and time out after 3.
            HttpResponse<String> hello =
                    Http.get("http://127.0.0.1:" + ports[0] + "/hello-war/hello", Duration.ofSeconds(3));

            assertEquals("hello", hello.body(), process.output());
            assertTrue(process.output().contains("hello-war deployed"), process.output());
            assertEquals("UP", instance.get("status"));
            assertEquals(
                    Map.of("$", ports[0], "@enabled", "true"),
                    instance.get("port"),
                    "the connector, not the shutdown port");
            assertEquals("localhost:hello-war:" + ports[0], instance.get("instanceId"));
            Matcher registered = AFTER_READY.matcher(process.awaitLine("registered HELLO-WAR", START).text);
            assertTrue(registered.find());
            System.out.println("standalone Tomcat: HELLO-WAR registered " + registered.group(1)
                    + " ms after the connector accepted");
            assertTrue(Long.parseLong(registered.group(1)) <= 1_000, process.output());
            // No ROOT webapp in this CATALINA_BASE: the home page answers 404, so no status page; no health URL.
            process.awaitLine("[eureka-agent] the changed instance sent to", START);
            instance = Registry.instances(eureka, "HELLO-WAR").get(0);
            assertEquals(List.of(), List.of(instance.keySet().stream().filter(key -> key.equals("statusPageUrl")
                    || key.equals("healthCheckUrl")).toArray()), instance.toString());

            process.stop(START);
            assertEquals(List.of(), Registry.instances(eureka, "HELLO-WAR"), "deregistered before the JVM exited");
        }
    }

    @Test
    void withoutAnAppNameTheAgentSaysWhichSettingToAddAndTomcatRunsWithoutIt(@TempDir Path dir) throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        int[] ports = Project.freePorts(2);
        StandaloneTomcat tomcat = StandaloneTomcat.with(dir, Project.jar("hello-war.war"), ports[0], ports[1]);

        try (ChildProcess process = tomcat.start("tomcat-unnamed", List.of("-Dhello-war.deploy-seconds=0",
                "-Deureka.client.service-url.defaultZone=" + eureka.serviceUrl()))) {
            process.awaitLine("[eureka-agent] this JVM runs Tomcat", START);

            assertEquals(List.of("[eureka-agent] this JVM runs Tomcat, whose name every app it starts would share: set"
                    + " eureka.instance.appname (or spring.application.name) to register it; agent off"),
                    process.agentLines());
            assertEquals("hello", Http.awaitOk("http://127.0.0.1:" + ports[0] + "/hello-war/hello", START));
            assertEquals(List.of(), Registry.instances(eureka, "BOOTSTRAP"));
            process.stop(START);
            assertEquals(1, process.agentLines().size(), process.output());
        }
    }
}
