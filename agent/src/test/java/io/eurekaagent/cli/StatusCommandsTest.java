package io.eurekaagent.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * status, out-of-service and in-service: which instances they touch (an id, this host's, every host's with --all),
 * the calls they make and their exit codes. Against a real server in the end-to-end suite.
 */
class StatusCommandsTest {
    @RegisterExtension
    static WireMockExtension eureka = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void orders() {
        // One instance here (127.0.0.1, an address of every machine), one on another host, as the server lists them.
        eureka.stubFor(get("/eureka/apps/ORDERS").willReturn(aResponse().withBody(
                "{\"application\":{\"name\":\"ORDERS\",\"instance\":["
                + "{\"instanceId\":\"here:orders:8080\",\"hostName\":\"here\",\"ipAddr\":\"127.0.0.1\","
                + "\"status\":\"OUT_OF_SERVICE\",\"overriddenStatus\":\"OUT_OF_SERVICE\",\"port\":{\"$\":8080}},"
                + "{\"instanceId\":\"web-2:orders:8080\",\"hostName\":\"web-2\",\"ipAddr\":\"127.99.0.2\","
                + "\"status\":\"UP\",\"overriddenstatus\":\"UNKNOWN\",\"port\":{\"$\":\"8080\"}}]}}")));
        eureka.stubFor(put(urlPathMatching("/eureka/apps/ORDERS/.*/status")).willReturn(aResponse().withStatus(200)));
        eureka.stubFor(delete(urlPathMatching("/eureka/apps/ORDERS/.*/status"))
                .willReturn(aResponse().withStatus(200)));
    }

    private int run(String... args) {
        String[] withServer = new String[args.length + 1];
        System.arraycopy(args, 0, withServer, 0, args.length);
        withServer[args.length] = "eureka.client.service-url.defaultZone=http://127.0.0.1:" + eureka.getPort()
                + "/eureka/";
        return new CommandLine(new PrintStream(output, true, StandardCharsets.UTF_8))
                .run(withServer, new Properties(), Map.of());
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void statusShowsEachInstancesStatusAndOverride() {
        assertEquals(0, run("status", "orders"));

        assertEquals(String.join("\n",
                "INSTANCE ID        STATUS          OVERRIDE        HOST   ADDRESS     PORT",
                "here:orders:8080   OUT_OF_SERVICE  OUT_OF_SERVICE  here   127.0.0.1   8080",
                "web-2:orders:8080  UP              -               web-2  127.99.0.2  8080",
                ""), printed());
    }

    @Test
    void outOfServiceWithoutAnIdTakesOutOnlyThisHostsInstances() {
        assertEquals(0, run("out-of-service", "orders"));

        eureka.verify(
                1, putRequestedFor(urlEqualTo("/eureka/apps/ORDERS/here:orders:8080/status?value=OUT_OF_SERVICE")));
        eureka.verify(0, putRequestedFor(urlPathMatching("/eureka/apps/ORDERS/web-2.*")));
        assertEquals("here:orders:8080: OUT_OF_SERVICE (was OUT_OF_SERVICE)\n", printed());
    }

    @Test
    void anIdOrAllChoosesOtherHostsInstances() {
        assertEquals(0, run("out-of-service", "ORDERS", "web-2:orders:8080"));
        eureka.verify(
                1, putRequestedFor(urlEqualTo("/eureka/apps/ORDERS/web-2:orders:8080/status?value=OUT_OF_SERVICE")));

        assertEquals(0, run("in-service", "orders", "--all"));
        eureka.verify(1, deleteRequestedFor(urlEqualTo("/eureka/apps/ORDERS/here:orders:8080/status?value=UP")));
        eureka.verify(1, deleteRequestedFor(urlEqualTo("/eureka/apps/ORDERS/web-2:orders:8080/status?value=UP")));
    }

    @Test
    void nothingToChangeOrAFailedCallIsExitCode1() {
        assertEquals(1, run("out-of-service", "orders", "web-9:orders:8080"));
        eureka.stubFor(get("/eureka/apps/BILLING").willReturn(aResponse().withStatus(404)));
        assertEquals(1, run("status", "billing"));
        eureka.stubFor(put(urlPathMatching("/eureka/apps/ORDERS/.*/status")).willReturn(aResponse().withStatus(404)));
        assertEquals(1, run("out-of-service", "orders"));

        assertEquals(String.join("\n",
                "no instance web-9:orders:8080 of ORDERS is registered",
                "no instance of BILLING is registered",
                "here:orders:8080: HTTP 404 from http://127.0.0.1:" + eureka.getPort() + "/eureka/",
                ""), printed());
    }

    @Test
    void usageMistakesAreExitCode2() {
        assertEquals(2, run("out-of-service"));
        assertEquals(2, run("out-of-service", "orders", "web-2:orders:8080", "--all"));
        assertEquals(2, run("status", "orders", "--all"));
        assertEquals(2, run("status", "orders/x"));

        assertEquals(String.join("\n",
                "out-of-service takes an app name and optionally an instance id, then key=value settings:"
                        + " java -jar eureka-agent.jar out-of-service orders [web-1:orders:8080]",
                "give an instance id or --all, not both",
                "unknown option '--all' for status",
                "'orders/x' is not an app name (letters, digits, '.', '_' or '-')",
                ""), printed());
    }
}
