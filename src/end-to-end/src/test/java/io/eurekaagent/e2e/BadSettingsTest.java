package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad setting is explained in one line and the app runs exactly as it would without the agent. */
class BadSettingsTest {
    private static final Duration START = Duration.ofSeconds(30);

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "interval as a system property | -Deureka.instance.lease-renewal-interval-in-seconds=abc | |"
                        + " eureka.instance.lease-renewal-interval-in-seconds=abc (system property): expected a whole"
                        + " number of seconds from 1 to 3600",
                "URL in the environment | | localhost:8761/eureka/ |"
                    + " EUREKA_CLIENT_SERVICEURL_DEFAULTZONE=localhost:8761/eureka/ (environment variable): expected"
                    + " comma-separated http(s) URLs such as http://eureka:8761/eureka/ ('localhost:8761/eureka/':"
                    + " scheme must be http or https)",
                "port out of range | -Deureka.instance.non-secure-port=0 | | eureka.instance.non-secure-port=0 (system"
                        + " property): expected a whole number (a TCP port) from 1 to 65535",
                "empty app name | -Deureka.instance.appname= | | eureka.instance.appname= (system property): expected"
                        + " an application name of letters, digits, '.', '_' or '-', at most 255 characters",
                "missing key store | -Deureka.client.tls.enabled=true"
                        + " -Deureka.client.tls.key-store=/no/such/client.p12 | |"
                        + " eureka.client.tls.key-store=/no/such/client.p12 (system property): expected a readable key"
                        + " store file (not found)",
                "a device as the config file | -Deureka.agent.config-file=/dev/zero | |"
                        + " eureka.agent.config-file=/dev/zero (system property): expected a readable UTF-8 properties"
                        + " file (/dev/zero is not a regular file)",
                "an instance id Eureka's URLs cannot carry | -Deureka.instance.instance-id=orders/1 | |"
                        + " eureka.instance.instance-id=orders/1 (system property): expected an instance id without"
                        + " spaces, control characters or / \\ ? # %, at most 255 characters",
                "a password holding a comma |"
                    + " -Deureka.client.service-url.defaultZone=http://agent:pw1,pw2@eureka:8761/eureka/ | |"
                    + " eureka.client.service-url.defaultZone=http://agent:****@eureka:8761/eureka/ (system property):"
                    + " expected comma-separated http(s) URLs such as http://eureka:8761/eureka/ (URL 1 of 2 as split"
                    + " at commas; in a password, percent-encode commas, slashes, at signs, colons, spaces and % ? #:"
                    + " no host)",
            })
    void isOneLineAndTheAppServesAsWithoutTheAgent(String scenario, String property, String envUrl, String message)
            throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int port = Project.freePort();
        AgentApp app = new AgentApp().env("PORT", Integer.toString(port))
                .property("eureka.client.service-url.defaultZone", server.serviceUrl());
        if (property != null) {
            for (String option : property.split(" ")) {
                String[] keyValue = option.substring(2).split("=", 2);
                app.property(keyValue[0], keyValue[1]);
            }
        }
        if (envUrl != null) {
            app = new AgentApp()
                    .env("PORT", Integer.toString(port))
                    .env("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", envUrl);
        }

        try (ChildProcess process = app.start("bad-settings")) {
            process.awaitLine("listening on port " + port, START);

            assertEquals("hello", Http.awaitOk("http://127.0.0.1:" + port + "/hello", START));
            assertEquals(
                    List.of("[eureka-agent] invalid setting " + message
                            + "; agent off, the application runs without it"),
                    process.agentLines());
            assertEquals(List.of(), Registry.instances(server, "AGENT-TEST-APP"));
            process.stop(START);
            assertEquals(1, process.agentLines().size(), "nothing more from the agent on shutdown");
        }
    }

    @Test
    void aTypoIsWarnedAboutAndTheAgentRunsOnWithWhatIsRight() throws Exception {
        EurekaServer server = SharedEurekaServer.get();
        int port = Project.freePort();
        AgentApp app = AgentApp.testApp(server, "typo-app", port).property("eureka.instance.non-secure-prot", "9999");

        try (ChildProcess process = app.start("typo")) {
            Registry.awaitInstances(server, "TYPO-APP", 1, START);

            assertEquals(
                    "[eureka-agent] WARN unknown setting eureka.instance.non-secure-prot (system property) ignored: "
                            + "did you mean eureka.instance.non-secure-port?",
                    process.agentLines().get(0));
            process.stop(START);
        }
    }

    @Test
    void failFastStopsTheJvmInsteadWithExitCode78() throws Exception {
        AgentApp app = new AgentApp().env("PORT", Integer.toString(Project.freePort()))
                .property("eureka.agent.fail-fast", "true")
                .property("eureka.instance.lease-expiration-duration-in-seconds", "10");

        try (ChildProcess process = app.start("fail-fast")) {
            assertEquals(78, process.awaitExit(START));

            assertEquals(
                    List.of("[eureka-agent] invalid setting eureka.instance.lease-expiration-duration-in-seconds=10"
                            + " (system property): expected more seconds than the renewal interval (30), or Eureka"
                            + " drops the instance between two heartbeats; exiting (eureka.agent.fail-fast=true)"),
                    process.agentLines());
            assertFalse(process.output().contains("listening"));
        }
    }
}
