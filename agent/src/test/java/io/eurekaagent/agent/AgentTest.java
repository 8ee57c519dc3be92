package io.eurekaagent.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.eurekaagent.config.AgentConfig;
import io.eurekaagent.config.AgentMode;
import io.eurekaagent.readiness.Readiness;
import io.eurekaagent.readiness.ReadinessSetup;
import io.eurekaagent.testing.Poll;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agent's life in process, as premain starts it short of the JDK hooks (no Instrumentation here): against a
 * Eureka on loopback that answers every call, the calls it makes from its start to its shutdown, in order.
 */
class AgentTest {
    @RegisterExtension
    static WireMockExtension eureka = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @BeforeEach
    void answerAsEurekaDoes() {
        eureka.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
        eureka.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200)));
        eureka.stubFor(delete(anyUrl()).willReturn(aResponse().withStatus(200)));
        eureka.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type",
                "application/json").withBody("{\"applications\":{\"versions__delta\":\"1\",\"apps__hashcode\":\"\","
                        + "\"application\":[]}}")));
    }

    @Test
    void registeredAtStartRenewedThenDeregisteredAtShutdownAndNothingAfter() throws Exception {
        Agent agent = agent(Map.of("eureka.agent.register-on", "start"));

        agent.start();
        Poll.until(() -> calls().stream().anyMatch(call -> call.startsWith("PUT /eureka/apps/ORDERS/")),
                AgentTest::calls);
        // Issue 23: the state an operator reads (JConsole, jmx_exporter, inspect PID) from the platform MBean server.
        ObjectName name = new ObjectName(AgentMXBean.OBJECT_NAME);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        AgentMXBean state = JMX.newMXBeanProxy(server, name, AgentMXBean.class);
        Poll.until(() -> server.isRegistered(name) && state.getLastHeartbeatEpochMillis() > 0, AgentTest::calls);
        assertEquals(List.of("ORDERS", "UP", true, "http://localhost:" + eureka.getPort() + "/eureka/", 0, ""),
                List.of(state.getApp(), state.getStatus(), state.isRegistered(), state.getEurekaServer(),
                        state.getConsecutiveFailures(), state.getLastFailure()));
        assertTrue(state.getRegisteredSinceEpochMillis() <= state.getLastHeartbeatEpochMillis());
        agent.shutdown();

        List<String> calls = calls();
        assertEquals("POST /eureka/apps/ORDERS", calls.get(0), calls.toString());
        assertTrue(calls.get(calls.size() - 1).startsWith("DELETE /eureka/apps/ORDERS/localhost:orders:"),
                calls.toString());
        assertTrue(calls.subList(1, calls.size() - 1).stream().allMatch(call -> call.startsWith("PUT ")),
                calls.toString());
    }

    @Test
    void withPortOpenTheConfiguredPortIsRegisteredOnceItAccepts() throws Exception {
        try (ServerSocket app = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Agent agent = agent(Map.of("eureka.agent.register-on", "port-open",
                    "eureka.instance.non-secure-port", String.valueOf(app.getLocalPort())));

            agent.start();
            Poll.until(() -> calls().contains("POST /eureka/apps/ORDERS"), AgentTest::calls);
            agent.shutdown();

            List<String> calls = calls();
            assertEquals("DELETE /eureka/apps/ORDERS/localhost:orders:" + app.getLocalPort(),
                    calls.get(calls.size() - 1), calls.toString());
        }
    }

    @Test
    void consumerOnlyFetchesTheRegistryThenItsChangesAndNeverRegisters() throws Exception {
        Agent agent = agent(Map.of("eureka.client.register-with-eureka", "false",
                "eureka.client.fetch-registry", "true"));

        agent.start();
        Poll.until(() -> calls().contains("GET /eureka/apps/delta"), AgentTest::calls);
        agent.shutdown();

        assertTrue(calls().stream().allMatch(call -> call.startsWith("GET ")), calls().toString());
    }

    /** An agent for ORDERS at localhost/127.0.0.1 renewing every second, as premain would make it. */
    private static Agent agent(Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of(
                "eureka.client.service-url.defaultZone", eureka.baseUrl() + "/eureka/",
                "eureka.instance.appname", "orders",
                "eureka.instance.hostname", "localhost",
                "eureka.instance.ip-address", "127.0.0.1",
                "eureka.instance.lease-renewal-interval-in-seconds", "1",
                "eureka.client.registry-fetch-interval-seconds", "1"));
        all.putAll(settings);
        Properties properties = new Properties();
        properties.putAll(all);
        AgentConfig config = AgentConfig.load(null, properties, Map.of());
        // As premain: consumer-only waits for no port, so it has no readiness.
        Readiness readiness = config.mode() == AgentMode.REGISTER
                ? ReadinessSetup.install(config.readiness(), "127.0.0.1", null, false) : null;
        return new Agent(config, readiness, null, null);
    }

    /** Each call the server got, oldest first, as "METHOD /path?query". */
    private static List<String> calls() {
        List<ServeEvent> events = new ArrayList<>(eureka.getAllServeEvents());
        events.sort(Comparator.comparing(event -> event.getRequest().getLoggedDate()));
        List<String> calls = new ArrayList<>();
        for (ServeEvent event : events) {
            calls.add(event.getRequest().getMethod() + " " + event.getRequest().getUrl());
        }
        return calls;
    }
}
