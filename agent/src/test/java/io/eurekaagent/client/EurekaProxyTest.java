package io.eurekaagent.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.eurekaagent.config.EurekaProxy;
import io.eurekaagent.config.ServiceUrl;
import io.eurekaagent.config.TransportKind;
import io.eurekaagent.threads.AgentThreads;
import io.eurekaagent.testing.TestInstances;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code eureka.client.proxy-*}: the calls to Eureka go through the configured proxy with its login (answering its
 * 407), on either transport; anything else, such as the app's own health URL, goes direct.
 */
@ParameterizedClass
@EnumSource(TransportKind.class)
class EurekaProxyTest {
    private static final String LOGIN =
            "Basic " + Base64.getEncoder().encodeToString("proxy-user:proxy-pw".getBytes(StandardCharsets.UTF_8));

    @Parameter
    TransportKind transport;

    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    @RegisterExtension
    static WireMockExtension app = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    void callsToEurekaGoThroughTheProxyWithItsLoginAndTheHealthUrlGoesDirect() throws Exception {
        // The proxy answers itself: a Eureka server named eureka.invalid is never looked up nor reached.
        proxy.stubFor(post("/eureka/apps/ORDERS").withHeader("Proxy-Authorization", absent())
                .willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")));
        proxy.stubFor(post("/eureka/apps/ORDERS").withHeader("Proxy-Authorization", equalTo(LOGIN))
                .willReturn(aResponse().withStatus(204)));
        app.stubFor(get("/health").willReturn(aResponse().withStatus(200)));
        List<ServiceUrl> servers = List.of(ServiceUrl.parse("http://eureka.invalid:8761/eureka/"));
        EurekaProxy eurekaProxy = new EurekaProxy("127.0.0.1", proxy.getPort(), "proxy-user", "proxy-pw", servers);
        Transport http = Transport.create(
                transport, Duration.ofSeconds(1), AgentThreads.httpExecutor(), null, false, eurekaProxy);
        EurekaClient client =
                new EurekaClient(new ServerChoice(servers, Duration.ofSeconds(60)), http, Duration.ofSeconds(3));

        assertEquals(204, client.register(TestInstances.orders(30)).status());
        assertEquals(200, http.send("GET", URI.create("http://127.0.0.1:" + app.getPort() + "/health"), Map.of(), null,
                Duration.ofSeconds(3), 0).status());

        proxy.verify(
                1,
                postRequestedFor(urlEqualTo("/eureka/apps/ORDERS")).withHeader("Proxy-Authorization", equalTo(LOGIN)));
        assertEquals(0, proxy.findAll(getRequestedFor(urlEqualTo("/health"))).size());
        assertEquals(1, app.getAllServeEvents().size());
    }

    @Test
    void aDeadProxyIsNamedAsTheProxyNotTheServer() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        List<ServiceUrl> servers = List.of(ServiceUrl.parse("http://eureka.invalid:8761/eureka/"));
        Transport http = Transport.create(transport, Duration.ofSeconds(1), AgentThreads.httpExecutor(), null, false,
                new EurekaProxy("127.0.0.1", closed, null, null, servers));
        EurekaClient client =
                new EurekaClient(new ServerChoice(servers, Duration.ofSeconds(60)), http, Duration.ofSeconds(3));

        EurekaUnavailableException e =
                assertThrows(EurekaUnavailableException.class, () -> client.register(TestInstances.orders(30)));
        assertEquals(
                "http://eureka.invalid:8761/eureka/: proxy 127.0.0.1:" + closed + ": connection refused",
                e.getMessage());
    }
}
