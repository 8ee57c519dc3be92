package io.eurekaagent.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.eurekaagent.config.Catalog;
import io.eurekaagent.config.Key;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The command line's output and exit codes (the end-to-end suite runs it against a real server). */
class CommandLineTest {
    @RegisterExtension
    static WireMockExtension eureka = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void registry() {
        eureka.stubFor(get("/eureka/apps").willReturn(aResponse().withBody(
                "{\"applications\":{\"application\":[{\"name\":\"ORDERS\",\"instance\":["
                + "{\"instanceId\":\"web-2:orders:8080\",\"app\":\"ORDERS\",\"ipAddr\":\"127.0.0.2\","
                + "\"status\":\"DOWN\","
                + "\"port\":{\"$\":8080,\"@enabled\":\"true\"},\"vipAddress\":\"orders\"},"
                + "{\"instanceId\":\"web-1:orders:8080\",\"app\":\"ORDERS\",\"ipAddr\":\"127.0.0.1\",\"status\":\"UP\","
                + "\"port\":{\"$\":8080,\"@enabled\":\"true\"},\"vipAddress\":\"orders\"}]},"
                + "{\"name\":\"PAY\",\"instance\":{\"instanceId\":\"p1\",\"app\":\"PAY\",\"ipAddr\":\"127.0.0.3\","
                + "\"status\":\"UP\",\"port\":{\"$\":9000,\"@enabled\":\"false\"},"
                + "\"securePort\":{\"$\":9443,\"@enabled\":\"true\"}}}]}}")));
    }

    private int run(String... args) {
        return new CommandLine(new PrintStream(output, true, StandardCharsets.UTF_8))
                .run(args, new Properties(), Map.of());
    }

    private String url() {
        return "eureka.client.service-url.defaultZone=http://127.0.0.1:" + eureka.getPort() + "/eureka/";
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void appsPrintsEveryInstanceAsATableSortedByAppAndId() {
        assertEquals(0, run("apps", url()));

        assertEquals(String.join("\n",
                "APP     INSTANCE ID        STATUS  ADDRESS    PORT          AGE",
                "ORDERS  web-1:orders:8080  UP      127.0.0.1  8080          ?",
                "ORDERS  web-2:orders:8080  DOWN    127.0.0.2  8080          ?",
                "PAY     p1                 UP      127.0.0.3  9443 (https)  ?", ""), printed());
    }

    @Test
    void instancesPrintsOneAppFoundByNameOrVip() {
        assertEquals(0, run("instances", "Orders", url()));
        assertTrue(printed().contains("web-1:orders:8080") && !printed().contains("PAY"), printed());
    }

    @Test
    void anAppWithNoInstanceIsExitCode1() {
        assertEquals(1, run("instances", "nobody", url()));
        assertEquals("no instance of nobody is registered\n", printed());
    }

    @Test
    void checkReadsEveryServerAloneAndFailsIfAnyFails() {
        assertEquals(1, run("check", url() + ",http://127.0.0.1:1/eureka/"));

        String[] lines = printed().split("\n");
        assertEquals("setting " + url() + ",http://127.0.0.1:1/eureka/ (agent argument)", lines[0]);
        assertEquals("settings: ok; 2 Eureka servers", lines[1]);
        assertTrue(
                lines[2].startsWith("http://127.0.0.1:" + eureka.getPort() + "/eureka/: ok, 3 instances, "), lines[2]);
        assertEquals("http://127.0.0.1:1/eureka/: FAILED: http://127.0.0.1:1/eureka/: connection refused", lines[3]);
        assertEquals("1 of 2 servers failed", lines[4]);
    }

    /** Issue 23: which value won and where it came from, as Elastic APM logs at start; not defaults, no password. */
    @Test
    void checkListsEachSettingThatDiffersFromItsDefaultWithItsSourceAndSecretsMasked() {
        Properties properties = new Properties();
        properties.setProperty("eureka.instance.appname", "orders");
        properties.setProperty("eureka.instance.lease-renewal-interval-in-seconds", "30");
        String server = "http://agent:s3cr3t-url-pw@127.0.0.1:" + eureka.getPort() + "/eureka/";

        assertEquals(0, new CommandLine(new PrintStream(output, true, StandardCharsets.UTF_8)).run(
                new String[] {"check", "eureka.instance.metadata-map.zone=zone-a"}, properties,
                Map.of("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", server)));

        assertEquals(List.of(
                "setting eureka.client.service-url.defaultzone=http://agent:****@127.0.0.1:" + eureka.getPort()
                        + "/eureka/ (environment variable EUREKA_CLIENT_SERVICEURL_DEFAULTZONE)",
                "setting eureka.instance.appname=orders (system property)",
                "setting eureka.instance.metadata-map.zone=zone-a (agent argument)"),
                printed().lines().filter(line -> line.startsWith("setting ")).collect(Collectors.toList()));
        assertFalse(printed().contains("s3cr3t"), printed());
    }

    /** Issue 23: a Spring Cloud service's settings, each either in effect or named as one the agent does not use. */
    @Test
    void checkShowsTheSpringSettingsReadAndNamesThoseNotUsed() {
        Properties properties = new Properties();
        properties.setProperty("eureka.client.should-unregister-on-shutdown", "false");
        properties.setProperty("eureka.client.registry-refresh-single-vip-address", "orders");

        assertEquals(0, new CommandLine(new PrintStream(output, true, StandardCharsets.UTF_8)).run(
                new String[] {"check", url()}, properties, Map.of()));

        assertTrue(printed().startsWith("warning: eureka.client.registry-refresh-single-vip-address"
                + " (system property) is a Spring Cloud setting the agent does not use:"
                + " the agent keeps one copy of the whole registry\n"),
                printed());
        assertTrue(printed().contains("\nsetting " + url() + " (agent argument)\n"
                + "setting eureka.client.should-unregister-on-shutdown=false (system property)\n"
                + "settings: ok but for 1 warning; 1 Eureka server\n"), printed());
    }

    @Test
    void aGoodCheckIsExitCode0() {
        assertEquals(0, run("check", url()));
        assertTrue(printed().endsWith("all good\n"), printed());
    }

    @Test
    void badSettingsAreOneLineEachAndExitCode2() {
        assertEquals(2, run("check", "eureka.client.service-url.defaultZone=eureka:8761"));
        assertEquals(
                "invalid setting eureka.client.service-url.defaultZone=eureka:8761 (agent argument): expected"
                    + " comma-separated http(s) URLs such as http://eureka:8761/eureka/ ('eureka:8761': scheme must be"
                    + " http or https)\n",
                printed());
    }

    /** Issue 23: which agent this is, from the jar alone, as OpenTelemetry's {@code java -jar} says. */
    @Test
    void versionVersionFlagAndVPrintTheVersionAndTheRevisionWithExitCode0() {
        for (String spelling : new String[] {"--version", "version", "-v"}) {
            output.reset();
            assertEquals(0, run(spelling));
            assertTrue(printed().matches("eureka-agent \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"
                    + " \\(revision ([0-9a-f]{12}|unknown)(, with uncommitted changes)?\\)\n"),
                    spelling + ": " + printed());
        }
    }

    @Test
    void usageMistakesAreExitCode2AndHelpIs0() {
        assertEquals(2, run());
        assertEquals(2, run("aps"));
        assertEquals(2, run("instances"));
        assertTrue(
                printed().contains("unknown command 'aps': expected apps, instances NAME, check, status APP,"),
                printed());
        output.reset();
        assertEquals(0, run("help"));
        assertTrue(printed().startsWith("usage: java [-Dkey=value ...] -jar eureka-agent.jar COMMAND"), printed());
    }

    @Test
    void helpListsEverySettingOfTheCatalogWithItsDefault() {
        assertEquals(0, run("help"));
        for (Key key : Catalog.all()) {
            assertTrue(printed().contains("\n  " + key.name()), key.name());
        }
        assertTrue(printed().contains("  eureka.agent.shutdown-timeout-ms (2000): "), printed());
    }

    @Test
    void anUnreachableRegistryIsExitCode1() {
        assertEquals(1, run("apps", "eureka.client.service-url.defaultZone=http://127.0.0.1:1/eureka/"));
        assertEquals("cannot read the registry: http://127.0.0.1:1/eureka/: connection refused\n", printed());
    }
}
