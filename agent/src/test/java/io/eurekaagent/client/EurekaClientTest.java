package io.eurekaagent.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.eurekaagent.config.ServiceUrl;
import io.eurekaagent.config.TransportKind;
import io.eurekaagent.instance.InstanceInfo;
import io.eurekaagent.config.Status;
import io.eurekaagent.testing.TestInstances;
import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.InetAddress;
import java.net.PasswordAuthentication;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The exact requests the agent sends, and how it treats servers that fail. */
@ParameterizedClass
@EnumSource(TransportKind.class)
class EurekaClientTest {
    @Parameter
    TransportKind transport;

    @RegisterExtension
    static WireMockExtension eureka = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    @RegisterExtension
    static WireMockExtension peer = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @RegisterExtension
    static WireMockExtension selfSigned = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1")).build();

    static String url(WireMockExtension server) {
        return "http://127.0.0.1:" + server.getPort() + "/eureka/";
    }

    @Test
    void registerPostsTheInstanceDocumentAsJson() throws Exception {
        eureka.stubFor(post("/eureka/apps/ORDERS").willReturn(aResponse().withStatus(204)));
        InstanceInfo instance = TestInstances.orders(30);

        assertEquals(204, TestInstances.client(transport, url(eureka)).register(instance).status());

        eureka.verify(postRequestedFor(urlEqualTo("/eureka/apps/ORDERS"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("x-netflix-discovery-replication", absent())
                .withHeader("Authorization", absent())
                .withRequestBody(equalToJson("{\"instance\":{"
                        + "\"instanceId\":\"web-1:orders:8080\",\"hostName\":\"web-1\",\"app\":\"ORDERS\","
                        + "\"ipAddr\":\"127.0.0.5\","
                        + "\"status\":\"UP\",\"overriddenStatus\":\"UNKNOWN\","
                        + "\"port\":{\"$\":8080,\"@enabled\":\"true\"},\"securePort\":{\"$\":443,"
                        + "\"@enabled\":\"false\"},"
                        + "\"countryId\":1,"
                        + "\"dataCenterInfo\":{\"@class\":\"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo\","
                        + "\"name\":\"MyOwn\"},"
                        + "\"leaseInfo\":{\"renewalIntervalInSecs\":30,\"durationInSecs\":90},"
                        + "\"metadata\":{\"zone\":\"a\"},"
                        + "\"homePageUrl\":\"http://web-1:8080/\",\"statusPageUrl\":\"http://web-1:8080/\","
                        + "\"vipAddress\":\"orders\","
                        + "\"secureVipAddress\":\"orders\","
                        + "\"isCoordinatingDiscoveryServer\":\"false\","
                        + "\"lastUpdatedTimestamp\":\"" + instance.lastDirtyTimestamp() + "\","
                        + "\"lastDirtyTimestamp\":\"" + instance.lastDirtyTimestamp() + "\"}}")));
    }

    @Test
    void renewIsAnEmptyPutWithStatusAndTheSameLastDirtyTimestamp() throws Exception {
        eureka.stubFor(put(urlPathEqualTo("/eureka/apps/ORDERS/web-1:orders:8080"))
                .willReturn(aResponse().withStatus(200)));
        InstanceInfo instance = TestInstances.orders(30);

        assertEquals(200, TestInstances.client(transport, url(eureka)).renew(instance).status());

        List<LoggedRequest> renewals = eureka.findAll(putRequestedFor(urlEqualTo(
                "/eureka/apps/ORDERS/web-1:orders:8080?status=UP&lastDirtyTimestamp=" + instance.lastDirtyTimestamp()))
                .withHeader("Accept", equalTo("application/json")));
        assertEquals(1, renewals.size());
        assertEquals("", renewals.get(0).getBodyAsString());
    }

    @Test
    void aHeartbeatCarriesTheInstancesCurrentStatus() throws Exception {
        eureka.stubFor(put(urlPathEqualTo("/eureka/apps/ORDERS/web-1:orders:8080"))
                .willReturn(aResponse().withStatus(200)));
        InstanceInfo instance = TestInstances.orders(30);
        instance.setStatus(Status.DOWN);

        TestInstances.client(transport, url(eureka)).renew(instance);

        eureka.verify(
                1,
                putRequestedFor(urlEqualTo("/eureka/apps/ORDERS/web-1:orders:8080?status=DOWN&lastDirtyTimestamp="
                        + instance.lastDirtyTimestamp())));
    }

    @Test
    void cancelIsADelete() throws Exception {
        eureka.stubFor(delete("/eureka/apps/ORDERS/web-1:orders:8080").willReturn(aResponse().withStatus(200)));

        assertEquals(
                200,
                TestInstances.client(transport, url(eureka))
                        .cancel(TestInstances.orders(30), Duration.ofSeconds(2))
                        .status());

        eureka.verify(deleteRequestedFor(urlEqualTo("/eureka/apps/ORDERS/web-1:orders:8080")));
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAuthAndNotInThePath() throws Exception {
        eureka.stubFor(post("/eureka/apps/ORDERS").willReturn(aResponse().withStatus(204)));
        String secured = "http://agent:s3cret@127.0.0.1:" + eureka.getPort() + "/eureka/";

        TestInstances.client(transport, secured).register(TestInstances.orders(30));

        String token = Base64.getEncoder().encodeToString("agent:s3cret".getBytes());
        eureka.verify(postRequestedFor(urlEqualTo("/eureka/apps/ORDERS"))
                .withHeader("Authorization", equalTo("Basic " + token)));
    }

    @Test
    void a5xxMovesOnToTheNextServerWhichThenStaysInUse() throws Exception {
        eureka.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        peer.stubFor(put(urlPathEqualTo("/eureka/apps/ORDERS/web-1:orders:8080"))
                .willReturn(aResponse().withStatus(200)));
        EurekaClient client = TestInstances.client(transport, url(eureka), url(peer));
        InstanceInfo instance = TestInstances.orders(30);

        EurekaResponse first = client.renew(instance);
        EurekaResponse second = client.renew(instance);

        assertEquals(200, first.status());
        assertEquals(url(peer), second.server().toString());
        assertEquals(1, eureka.getAllServeEvents().size());
        assertEquals(2, peer.getAllServeEvents().size());
    }

    @Test
    void aRefusedConnectionMovesOnToTheNextServer() throws Exception {
        peer.stubFor(post("/eureka/apps/ORDERS").willReturn(aResponse().withStatus(204)));
        EurekaClient client =
                TestInstances.client(transport, "http://127.0.0.1:" + closedPort() + "/eureka/", url(peer));

        assertEquals(204, client.register(TestInstances.orders(30)).status());
    }

    @Test
    void whenEveryServerFailsTheMessageSaysWhatEachDidWithoutPasswords() throws Exception {
        eureka.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        int closed = closedPort();
        EurekaClient client = TestInstances.client(
                transport,
                "http://agent:s3cret@127.0.0.1:" + eureka.getPort() + "/eureka/",
                "http://127.0.0.1:" + closed + "/eureka/");

        EurekaUnavailableException e =
                assertThrows(EurekaUnavailableException.class, () -> client.register(TestInstances.orders(30)));

        assertEquals(
                "http://agent:****@127.0.0.1:" + eureka.getPort() + "/eureka/: HTTP 500; http://127.0.0.1:" + closed
                        + "/eureka/: connection refused",
                e.getMessage());
    }

    @Test
    void aStalledServerCannotHoldACancelPastItsBudget() throws Exception {
        eureka.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        EurekaClient client = TestInstances.client(transport, url(eureka));
        InstanceInfo instance = TestInstances.orders(30);
        long start = System.nanoTime();

        EurekaUnavailableException e = assertThrows(EurekaUnavailableException.class,
                () -> client.cancel(instance, Duration.ofMillis(300)));

        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs < 1_000, "took " + tookMs + " ms");
        assertTrue(e.getMessage().contains("no answer within"), e.getMessage());
    }

    /**
     * Both transports resolve host names and connect on their executor; a resolver that hangs (slow DNS) holds that
     * thread, never the caller's, so the budget still bounds the call.
     */
    @Test
    void aHungWorkerThreadAsInSlowDnsCannotHoldACancelPastItsBudget() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try {
            worker.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            EurekaClient client = new EurekaClient(
                    new ServerChoice(List.of(ServiceUrl.parse(url(eureka))), Duration.ofMinutes(1)),
                    Transport.create(transport, Duration.ofSeconds(1), worker, null, false, null),
                    Duration.ofSeconds(5));
            long start = System.nanoTime();

            assertThrows(
                    EurekaUnavailableException.class,
                    () -> client.cancel(TestInstances.orders(30), Duration.ofMillis(300)));

            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMs < 1_000, "took " + tookMs + " ms");
        } finally {
            release.countDown();
            worker.shutdown();
        }
    }

    @Test
    void theAppsProxySettingsNeverCaptureEurekaTraffic() throws Exception {
        eureka.stubFor(post("/eureka/apps/ORDERS").willReturn(aResponse().withStatus(204)));
        String[] keys = {"http.proxyHost", "http.proxyPort", "http.nonProxyHosts"};
        String[] before = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            before[i] = System.getProperty(keys[i]);
        }
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", Integer.toString(peer.getPort()));
        System.setProperty("http.nonProxyHosts", "");
        try {
            assertEquals(204, TestInstances.client(transport, url(eureka)).register(TestInstances.orders(30)).status());
        } finally {
            for (int i = 0; i < keys.length; i++) {
                if (before[i] == null) {
                    System.clearProperty(keys[i]);
                } else {
                    System.setProperty(keys[i], before[i]);
                }
            }
        }
        assertEquals(List.of(), peer.getAllServeEvents(), "the app's proxy saw nothing");
    }

    @Test
    void aChallengeIsAnsweredByNoAuthenticatorOfTheApps() throws Exception {
        eureka.stubFor(post("/eureka/apps/ORDERS").willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Basic realm=\"eureka\"")));
        AtomicInteger asked = new AtomicInteger();
        Authenticator before = Authenticator.getDefault();
        Authenticator.setDefault(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                asked.incrementAndGet();
                return new PasswordAuthentication("app", "app-secret".toCharArray());
            }
        });
        try {
            assertEquals(401, TestInstances.client(transport, url(eureka)).register(TestInstances.orders(30)).status());
        } finally {
            Authenticator.setDefault(before);
        }
        assertEquals(0, asked.get());
    }

    @Test
    void anAppsTrustEverythingTlsDefaultsAndSocksProxyAreNotTheAgents() throws Exception {
        selfSigned.stubFor(post("/eureka/apps/ORDERS").willReturn(aResponse().withStatus(204)));
        AtomicInteger proxyAsked = new AtomicInteger();
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        SSLContext defaultContext = SSLContext.getDefault();
        SSLSocketFactory defaultFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
        HostnameVerifier defaultVerifier = HttpsURLConnection.getDefaultHostnameVerifier();
        ProxySelector defaultSelector = ProxySelector.getDefault();
        SSLContext.setDefault(trustAll);
        HttpsURLConnection.setDefaultSSLSocketFactory(trustAll.getSocketFactory());
        HttpsURLConnection.setDefaultHostnameVerifier((host, session) -> true);
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                proxyAsked.incrementAndGet();
                return List.of(new Proxy(Proxy.Type.SOCKS, new InetSocketAddress("127.0.0.1", peer.getPort())));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
            }
        });
        try {
            EurekaClient client =
                    TestInstances.client(transport, "https://localhost:" + selfSigned.getHttpsPort() + "/eureka/");
            EurekaUnavailableException failure = assertThrows(EurekaUnavailableException.class,
                    () -> client.register(TestInstances.orders(30)));
            assertTrue(
                    failure.getMessage().contains("TLS: the server's certificate is not trusted"),
                    failure.getMessage());
        } finally {
            SSLContext.setDefault(defaultContext);
            HttpsURLConnection.setDefaultSSLSocketFactory(defaultFactory);
            HttpsURLConnection.setDefaultHostnameVerifier(defaultVerifier);
            ProxySelector.setDefault(defaultSelector);
        }
        assertEquals(0, proxyAsked.get(), "the app's proxy selector was asked");
        assertEquals(List.of(), selfSigned.getAllServeEvents(), "nothing reached the untrusted server");
    }

    @Test
    void aHugeBodyIsCutToItsFirstKilobytes() throws Exception {
        eureka.stubFor(post("/eureka/apps/ORDERS")
                .willReturn(aResponse().withStatus(400).withBody("x".repeat(2_000_000))));

        EurekaResponse response = TestInstances.client(transport, url(eureka)).register(TestInstances.orders(30));

        assertEquals(400, response.status());
        assertEquals(LimitedBody.LIMIT, response.body().length());
        assertFalse(response.isSuccess());
    }

    static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
