package io.eurekaagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An app that installs its own cookie jar, response cache, proxy selector and authenticator: its own calls go
 * through them, the agent's calls to Eureka never do (no Eureka session cookie in the app's jar, no app cookie sent
 * to Eureka, no Eureka traffic through the app's proxy).
 */
class AppGlobalsTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
    private static final List<String> GLOBALS =
            List.of("CookieHandler", "ResponseCache", "ProxySelector", "Authenticator");

    @TempDir
    Path dir;

    @Test
    void theAgentsCallsToEurekaNeverGoThroughTheAppsHttpDefaults() throws Exception {
        assertOnlyTheAppsOwnCallConsultedThem(
                SharedEurekaServer.get(), globalsApp(SharedEurekaServer.get(), "GLOBALS-APP"));
    }

    @Test
    void norDoTheirCallsOverTls() throws Exception {
        TestPki pki = TestPki.create(dir);
        try (EurekaServer eureka = EurekaServer.startWithTls(pki, false)) {
            AgentApp app = globalsApp(eureka, "GLOBALS-TLS-APP")
                    .property("eureka.client.tls.enabled", "true")
                    .property("eureka.client.tls.trust-store", pki.trustStore().toString())
                    .property("eureka.client.tls.trust-store-password", TestPki.PASSWORD);
            assertOnlyTheAppsOwnCallConsultedThem(eureka, app);
        }
    }

    /**
     * Issue 21, defect 4: an app that breaks {@code http} URLs for the whole JVM (a URLStreamHandlerFactory that
     * throws), or whose SecurityManager denies setContextClassLoader. On either transport the agent registers and
     * renews; java-http-client, which cannot start under the first, says so in one line and uses url-connection.
     */
    @Tag(Transports.BOTH)
    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"url-factory, url-connection", "url-factory, java-http-client", "security-manager, url-connection",
        "security-manager, java-http-client"})
    void anAppThatMakesTheJvmHostileToAgentsIsStillRegisteredAndRenewed(String hostility, String transport)
            throws Exception {
        EurekaServer eureka = SharedEurekaServer.get();
        String name = "hostile-host-" + hostility + "-" + transport;
        AgentApp app = new AgentApp()
                .property("eureka.client.service-url.defaultZone", eureka.serviceUrl())
                .property("eureka.instance.appname", name)
                .property("eureka.instance.hostname", "localhost")
                .property("eureka.instance.ip-address", "127.0.0.1")
                .property("eureka.instance.lease-renewal-interval-in-seconds", "1")
                .property("eureka.agent.debug", "true")
                .property("eureka.agent.http-client", transport)
                .main("-cp", Project.root().resolve("src/end-to-end/target/classes").toString(),
                        "io.eurekaagent.e2e.apps.HostileHostApp", hostility, "0");
        if (hostility.equals("security-manager")) {
            // JDK 24 and later let no app install a SecurityManager: the suite's own JDK 17 runs this case.
            app.java(Project.javaOfThisJvm());
        }
        try (ChildProcess process = app.start(name)) {
            Registry.awaitInstances(eureka, name.toUpperCase(), 1, START);
            Await.until(START, () -> process.output().split("DEBUG renewed", -1).length > 3,
                    () -> "fewer than 3 renewals\n" + process.output());

            assertFalse(process.output().contains("stopped by an unexpected error"), process.output());
            assertEquals(transport.equals("java-http-client") && hostility.equals("url-factory"),
                    process.output().contains("java-http-client cannot start in this JVM"), process.output());
        }
    }

    private static AgentApp globalsApp(EurekaServer eureka, String name) {
        return new AgentApp()
                .property("eureka.client.service-url.defaultZone", eureka.serviceUrl())
                .property("eureka.instance.appname", name)
                .property("eureka.instance.hostname", "localhost")
                .property("eureka.instance.ip-address", "127.0.0.1")
                .main("-cp", Project.root().resolve("src/end-to-end/target/classes").toString(),
                        "io.eurekaagent.e2e.apps.AppGlobalsApp");
    }

    private static void assertOnlyTheAppsOwnCallConsultedThem(EurekaServer eureka, AgentApp app) throws Exception {
        String name = app.command().stream().filter(arg -> arg.startsWith("-Deureka.instance.appname="))
                .findFirst().orElseThrow().substring("-Deureka.instance.appname=".length());
        try (ChildProcess process = app.start(name.toLowerCase())) {
            Matcher listening = LISTENING.matcher(
                    process.awaitLine(line -> LISTENING.matcher(line).find(), START).text);
            assertTrue(listening.find());
            process.awaitLine("own call: HTTP 401", START);
            Registry.awaitInstances(eureka, name, 1, START);
            process.stop(START);
            String output = process.output();

            assertTrue(output.contains("deregistered " + name), output);
            String ownCall = "http://127.0.0.1:" + listening.group(1) + "/own-call";
            for (String global : GLOBALS) {
                assertTrue(output.contains("app's " + global + " consulted for " + ownCall), output);
            }
            List<String> consulted = output.lines().filter(line -> line.contains(" consulted for "))
                    .filter(line -> !line.endsWith(ownCall)).collect(Collectors.toList());
            assertEquals(List.of(), consulted, output);
        }
    }
}
