package io.eurekaagent.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A page on loopback that answers every GET with 200 and its headers, then stalls: its body never comes. It counts
 * the requests and the connections still open, each until the client closes it.
 */
public final class StallingPage implements AutoCloseable {
    private final ServerSocket server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();

    public StallingPage() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "stalling-page");
        accepting.setDaemon(true);
        accepting.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    public int requests() {
        return requests.get();
    }

    /** Connections the clients have not closed yet. */
    public int open() {
        return open.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.incrementAndGet();
                Thread connection = new Thread(() -> stall(client), "stalling-page-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void stall(Socket client) {
        try (Socket socket = client; InputStream in = socket.getInputStream()) {
            // The request ends at its blank line (a GET has no body).
            int matched = 0;
            while (matched < 4) {
                int c = in.read();
                if (c < 0) {
                    return;
                }
                matched = c == "\r\n\r\n".charAt(matched) ? matched + 1 : c == '\r' ? 1 : 0;
            }
            requests.incrementAndGet();
            socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000"
                    + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // Until the client closes the connection.
            while (in.read() >= 0) {
                // a client would not send more; whatever it sends is dropped
            }
        } catch (IOException closedByTheClient) {
            // counted below
        } finally {
            open.decrementAndGet();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
