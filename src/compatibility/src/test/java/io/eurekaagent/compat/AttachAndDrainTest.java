package io.eurekaagent.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.e2e.AgentApp;
import io.eurekaagent.e2e.ChildProcess;
import io.eurekaagent.e2e.EurekaServer;
import io.eurekaagent.e2e.Http;
import io.eurekaagent.e2e.Project;
import io.eurekaagent.e2e.Registry;
import io.eurekaagent.e2e.SharedEurekaServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The agent attached to servers already running (their ports found among the process's sockets: two at once for
 * Dropwizard, a native one for Netty's epoll), and the drain on SIGTERM (out of Eureka at once, serving on, then the
 * JVM's own shutdown), on a representative few.
 */
class AttachAndDrainTest {
    @ParameterizedTest
    @EnumSource(value = Server.class, names = {"DROPWIZARD_5", "NETTY_EPOLL", "SPRING_BOOT_4"})
    void attachedToARunningServerTheAgentRegistersItsServingPortAndDeregistersOnSigterm(Server server)
            throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        int[] ports = Project.freePorts(2);
        String name = "attached-" + server.name().toLowerCase(Locale.ROOT).replace('_', '-');
        AgentApp app = server.app(eureka, ports[0], ports[1]).withoutAgentFlag();
        try (ChildProcess process = app.start(name)) {
            Http.awaitOk("http://127.0.0.1:" + ports[0] + "/hello", Scenario.START);
            List<String> command = new ArrayList<>(List.of(Project.appJava(), "-jar", Project.agentJar().toString(),
                    "attach", Long.toString(process.pid()),
                    "eureka.client.service-url.defaultZone=" + eureka.serviceUrl(), "eureka.instance.appname=" + name,
                    "eureka.instance.hostname=localhost", "eureka.instance.ip-address=127.0.0.1"));
            try (ChildProcess attach = ChildProcess.start("attach", command, Map.of(), Project.root())) {
                assertEquals(0, attach.awaitExit(Scenario.START), attach.output());
            }
            Map<String, Object> instance = Scenario.listed(eureka, name.toUpperCase(Locale.ROOT), process);

            assertEquals(Map.of("$", ports[0], "@enabled", "true"), instance.get("port"), process.output());
            process.stop(Scenario.START);
            assertEquals(List.of(), Registry.instances(eureka, name.toUpperCase(Locale.ROOT)), process.output());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Server.class, names = {"VERTX_5", "MICRONAUT_4", "SPRING_BOOT_3"})
    void withADrainSigtermTakesTheInstanceOutAtOnceWhileTheAppServesOnThenItExits(Server server) throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        int[] ports = Project.freePorts(2);
        String name = "drained-" + server.name().toLowerCase(Locale.ROOT).replace('_', '-');
        AgentApp app = server.app(eureka, ports[0], ports[1]).property("eureka.instance.appname", name)
                .property("eureka.agent.shutdown-drain-seconds", "3");
        try (ChildProcess process = app.start(name)) {
            Scenario.listed(eureka, name.toUpperCase(Locale.ROOT), process);
            process.sigterm();
            process.awaitLine("[eureka-agent] deregistered " + name.toUpperCase(Locale.ROOT), Scenario.START);

            assertEquals(List.of(), Registry.instances(eureka, name.toUpperCase(Locale.ROOT)));
            assertEquals("hello", Http.get("http://127.0.0.1:" + ports[0] + "/hello").body(), "still serving");
            assertTrue(process.isAlive(), "the drain holds the exit");
            assertEquals(143, process.awaitExit(Scenario.START), process.output());
            process.assertOrder("[eureka-agent] SIGTERM: leaving Eureka", "[eureka-agent] deregistered",
                    "[eureka-agent] drain of 3 s over: shutting down");
        }
    }
}
