package io.eurekaagent.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eurekaagent.config.Status;
import io.eurekaagent.config.TransportKind;
import io.eurekaagent.testing.Poll;
import io.eurekaagent.testing.TestInstances;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A health URL that sends its headers and then stalls, or streams without end: the status is all a check reads, and
 * every check closes its connection (none is left open per check), on either transport.
 */
@ParameterizedClass
@EnumSource(TransportKind.class)
class HealthCheckConnectionsTest {
    private static final byte[] HEADERS =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNK =
            "400\r\n".concat("x".repeat(1024)).concat("\r\n").getBytes(StandardCharsets.US_ASCII);

    @Parameter
    TransportKind transport;

    private ServerSocket server;
    private final AtomicInteger open = new AtomicInteger();

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stalls", "streams"})
    void everyCheckClosesItsConnection(String after) throws Exception {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(() -> serve(after.equals("streams")), "health-url");
        accepting.setDaemon(true);
        accepting.start();
        HealthCheck health = new HealthCheck(TestInstances.transport(transport),
                URI.create("http://127.0.0.1:" + server.getLocalPort() + "/health"), Duration.ofMillis(300));

        for (int i = 0; i < 5; i++) {
            assertEquals(Status.UP, health.check(false), health.lastOutcome());
        }

        Poll.until(() -> open.get() == 0, () -> open.get() + " of 5 connections still open after the checks");
    }

    /** Each connection on its own thread: headers, then nothing or an endless body, until the client closes it. */
    private void serve(boolean streams) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.incrementAndGet();
                Thread connection = new Thread(() -> hold(client, streams), "health-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void hold(Socket client, boolean streams) {
        try (Socket socket = client;
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream()) {
            in.read(new byte[8192]);
            out.write(HEADERS);
            out.flush();
            if (streams) {
                while (true) {
                    out.write(CHUNK);
                }
            }
            // Stalled: wait for the client to give up (end of stream) or reset.
            while (in.read() >= 0) {
                // a client sends nothing more
            }
        } catch (IOException closedByTheClient) {
            // what a check that gives up does
        } finally {
            open.decrementAndGet();
        }
    }
}
