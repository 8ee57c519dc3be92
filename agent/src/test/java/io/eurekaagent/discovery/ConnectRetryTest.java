package io.eurekaagent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HttpClient calls by name to an instance that accepts and then drops the connection (a stopping JVM): a request
 * safe to repeat goes once to the next instance; one that is not fails as it did.
 */
class ConnectRetryTest {
    private ServerSocket dropping;
    private HttpServer answering;
    private ServiceUrlRewriter rewriter;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void twoInstances() throws IOException {
        dropping = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread drop = new Thread(() -> {
            while (!dropping.isClosed()) {
                try (Socket connection = dropping.accept(); InputStream in = connection.getInputStream()) {
                    in.read(new byte[8192]);
                } catch (IOException closed) {
                    return;
                }
            }
        }, "dropping");
        drop.setDaemon(true);
        drop.start();
        answering = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        answering.createContext("/", exchange -> {
            byte[] body = "from the next instance".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        answering.start();
        // Round-robin starts with the first: the dropping one.
        Registry registry = Registry.of(List.of(
                LoopbackInstances.up("a", dropping.getLocalPort()),
                LoopbackInstances.up("b", answering.getAddress().getPort())));
        rewriter = new ServiceUrlRewriter(new ServiceResolver(() -> registry, null, true, Duration.ZERO));
    }

    @AfterEach
    void stop() throws IOException {
        dropping.close();
        answering.stop(0);
    }


    private CompletableFuture<HttpResponse<String>> send(HttpRequest.Builder request) {
        HttpRequest byName = (HttpRequest) rewriter.apply(request.build());
        HttpResponse.BodyHandler<String> handler = HttpResponse.BodyHandlers.ofString();
        @SuppressWarnings("unchecked")
        CompletableFuture<HttpResponse<String>> retried =
                (CompletableFuture<HttpResponse<String>>) new ConnectRetry(rewriter)
                        .apply(new Object[] {client.sendAsync(byName, handler), client, byName, handler});
        return retried;
    }

    @Test
    void aGetCutOffByTheInstanceGoesOnceToTheNext() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://orders/x"))).get();

        assertEquals("from the next instance", response.body());
    }

    @Test
    void aDeleteCutOffIsNotRepeated() {
        assertThrows(
                ExecutionException.class,
                () -> send(HttpRequest.newBuilder(URI.create("http://orders/x")).DELETE())
                        .get());
    }
}
