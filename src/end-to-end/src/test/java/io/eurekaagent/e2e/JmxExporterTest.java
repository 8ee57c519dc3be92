package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's state as operators' JMX tools see it (issue 23): jmx_exporter's Java agent, given before this one as
 * users add it, turns the MXBean into metrics by the rules docs/configuration.md gives, and its port is not the one
 * registered.
 */
class JmxExporterTest {
    private static final Duration START = Duration.ofSeconds(30);
    private static final Pattern DOCUMENTED_RULES =
            Pattern.compile("\\*\\*jmx_exporter\\*\\*.*?```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void jmxExportersAgentExportsTheAgentsStateByTheDocumentedRules(@TempDir Path dir) throws Exception {
        Matcher rules = DOCUMENTED_RULES.matcher(Files.readString(Project.root().resolve("docs/configuration.md")));
        assertTrue(rules.find(), "docs/configuration.md gives jmx_exporter's rules");
        Path config = Files.writeString(dir.resolve("jmx-exporter.yaml"), rules.group(1));
        EurekaServer server = SharedEurekaServer.get();
        int port = Project.freePort();
        int metricsPort = Project.freePort();
        AgentApp app = AgentApp.testApp(server, "jmx-exported", port).jvmOption("-javaagent:"
                + Project.jar("jmx-exporter.jar") + "=127.0.0.1:" + metricsPort + ":" + config)
                .property("eureka.instance.lease-renewal-interval-in-seconds", "1");
        Pattern heartbeat = Pattern.compile("(?m)^eureka_agent_lastheartbeat_epoch_millis \\d\\.\\d+E12$");

        try (ChildProcess process = app.start("jmx-exported")) {
            Registry.awaitInstances(server, "JMX-EXPORTED", 1, START);
            String[] metrics = new String[1];
            // The MXBean follows the first registration on the agent's own thread; a heartbeat a second later.
            Await.until(START, Duration.ofMillis(200), () -> {
                metrics[0] = Http.get("http://127.0.0.1:" + metricsPort + "/metrics", START).body();
                return metrics[0].contains("eureka_agent_registered 1.0") && heartbeat.matcher(metrics[0]).find();
            }, () -> metrics[0] + "\n" + process.output());

            assertTrue(metrics[0].contains("eureka_agent_consecutivefailures 0.0"), metrics[0]);
            assertTrue(Pattern.compile("(?m)^eureka_agent_registeredsince_epoch_millis \\d\\.\\d+E12$")
                    .matcher(metrics[0]).find(), metrics[0]);
            assertTrue(metrics[0].contains("eureka_agent_registryinstances -1.0"), metrics[0]);
            assertTrue(process.output().contains("[eureka-agent] registered JMX-EXPORTED"), process.output());
            process.stop(START);
        }
    }
}
