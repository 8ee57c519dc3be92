package io.eurekaagent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.threads.AgentThreads;
import java.net.ConnectException;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** http://orders/x to an instance, for URLs and HttpClient requests; everything else untouched. */
class ServiceUrlRewriterTest {
    private final Registry registry = Registry.of(List.of(
            new RegisteredInstance(
                    "ORDERS",
                    "o1",
                    "orders-1.internal",
                    "127.0.0.1",
                    "UP",
                    8080,
                    true,
                    8443,
                    true,
                    "orders",
                    null,
                    null,
                    0,
                    null,
                    true),
            new RegisteredInstance(
                    "DEAD",
                    "d1",
                    "dead-1",
                    "127.0.0.2",
                    "DOWN",
                    8080,
                    true,
                    443,
                    false,
                    "dead",
                    null,
                    null,
                    0,
                    null,
                    true),
            new RegisteredInstance(
                    "SIX", "s1", "fd00::1", "fd00::1", "UP", 8080, true, 443, false, "six", null, null, 0, null,
                    true)));
    private final ServiceUrlRewriter rewriter =
            new ServiceUrlRewriter(new ServiceResolver(() -> registry, null, true, Duration.ZERO));

    @Test
    void aUrlToAServiceNameGoesToAnInstanceKeepingPathQueryAndUserInfo() throws Exception {
        assertEquals(
                new URL("http://u:p@orders-1.internal:8080/a/b?c=d"),
                rewriter.apply(new URL("http://u:p@ORDERS/a/b?c=d")));
        assertEquals(new URL("https://orders-1.internal:8443/a"), rewriter.apply(new URL("https://orders/a")));
    }

    @Test
    void theAgentsOwnCallsAreNeverRewrittenEvenToARegisteredName() throws Exception {
        URL eureka = new URL("http://orders/eureka/apps");
        Object[] seen = new Object[1];
        Thread agentThread = AgentThreads.newThread("http-test", () -> seen[0] = rewriter.apply(eureka));
        agentThread.start();
        agentThread.join();

        assertSame(eureka, seen[0]);
        assertEquals(
                new URL("http://orders-1.internal:8080/eureka/apps"),
                rewriter.apply(eureka),
                "on the app's threads it is");
    }

    @Test
    void anHttpClientRequestKeepsEverythingButItsUri() {
        HttpRequest original = HttpRequest.newBuilder(URI.create("http://orders/x?y=1")).timeout(Duration.ofSeconds(3))
                .version(HttpClient.Version.HTTP_1_1).header("X-Trace", "t1").header("X-Trace", "t2")
                .PUT(HttpRequest.BodyPublishers.ofString("body")).build();

        HttpRequest rewritten = (HttpRequest) rewriter.apply(original);

        assertEquals(URI.create("http://orders-1.internal:8080/x?y=1"), rewritten.uri());
        assertEquals(List.of("PUT", Duration.ofSeconds(3), HttpClient.Version.HTTP_1_1, List.of("t1", "t2"), 4L),
                List.of(rewritten.method(), rewritten.timeout().get(), rewritten.version().get(),
                        rewritten.headers().allValues("X-Trace"), rewritten.bodyPublisher().get().contentLength()));
    }

    /** Most requests take the path that moves the URI's parts without parsing; the rest are rebuilt as text. */
    @ParameterizedTest
    @CsvSource({
        "http://orders/x?y=1,                     http://orders-1.internal:8080/x?y=1",
        "HTTP://Orders/x,                         http://orders-1.internal:8080/x",
        "https://orders/x,                        https://orders-1.internal:8443/x",
        "http://orders,                           http://orders-1.internal:8080",
        "http://orders/,                          http://orders-1.internal:8080/",
        "http://orders?q=1,                       http://orders-1.internal:8080?q=1",
        "http://orders/#top,                      http://orders-1.internal:8080/#top",
        "http://orders/a/b/?q=%20x&r=a%2Fb#f%20g, http://orders-1.internal:8080/a/b/?q=%20x&r=a%2Fb#f%20g",
        "http://orders/a%2F..%2Fb,                http://orders-1.internal:8080/a%2F..%2Fb",
        "http://orders/a/../b/./c,                http://orders-1.internal:8080/a/../b/./c",
        "http://orders//a//b,                     http://orders-1.internal:8080//a//b",
        "http://orders/.well-known/x,             http://orders-1.internal:8080/.well-known/x",
        "http://orders/a:b/c,                     http://orders-1.internal:8080/a:b/c",
        "http://u:p%40ss@orders/x,                http://u:p%40ss@orders-1.internal:8080/x",
        "http://six/x,                            http://[fd00::1]:8080/x",
    })
    void anHttpClientRequestUriKeepsEveryPartButHostAndPort(String uri, String expected) {
        URI rewritten = ((HttpRequest) rewriter.apply(HttpRequest.newBuilder(URI.create(uri)).build())).uri();

        assertEquals(URI.create(expected), rewritten);
        assertEquals(expected.toLowerCase(Locale.ROOT), rewritten.toString().toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://orders:8080/x",
                "http://orders.internal/x",
                "http://127.0.0.9/x",
                "http://localhost/x",
                "ftp://orders/x"
            })
    void urlsThatCannotBeServiceNamesAreLeftAlone(String url) throws Exception {
        URL original = new URL(url);
        assertSame(original, rewriter.apply(original));
    }

    @Test
    void aServiceWithNoUpInstanceBecomesAnUnknownHostException() throws Exception {
        Object result = rewriter.apply(new URL("http://dead/x"));

        assertTrue(result instanceof UnknownHostException, String.valueOf(result));
        assertEquals(
                "dead: no UP instance of that name is registered in Eureka (1 registered, none UP)",
                ((UnknownHostException) result).getMessage());
    }

    @Test
    void aNameNeitherRegisteredNorInDnsFailsSayingSoAsTheJdkReportsAnUnknownHost() throws Exception {
        Object byUrl = rewriter.apply(new URL("http://no-such-service-here/x"));
        Object byHttpClient = rewriter.apply(HttpRequest.newBuilder(URI.create("http://no-such-service-here/x"))
                .build());

        String message = "no-such-service-here: not a known host, and no instance of that name is registered in Eureka";
        assertEquals(message, ((UnknownHostException) byUrl).getMessage());
        // java.net.http reports unknown hosts as a ConnectException: send and sendAsync then fail alike.
        assertEquals(message, ((ConnectException) byHttpClient).getMessage());
        assertTrue(((ConnectException) byHttpClient).getCause() instanceof UnknownHostException);
    }
}
