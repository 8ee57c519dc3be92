package io.eurekaagent.e2e.apps;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * Binds two ports from two threads at the same instant, as WildFly binds 8080 and 8443: args {@code TLS_PORT
 * HTTP_PORT}. Both answer "hello" over plain sockets; the test only cares which one the agent registers.
 */
public final class TwoListenersApp {
    private static final byte[] HELLO = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello"
            .getBytes(StandardCharsets.US_ASCII);

    private TwoListenersApp() {
    }

    public static void main(String[] args) {
        CyclicBarrier together = new CyclicBarrier(2);
        for (String port : args) {
            new Thread(() -> serve(Integer.parseInt(port), together), "listener-" + port).start();
        }
    }

    private static void serve(int port, CyclicBarrier together) {
        try {
            together.await();
            try (ServerSocket server = new ServerSocket(port)) {
                System.out.println("two-listeners listening on port " + port);
                while (true) {
                    try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                        out.write(HELLO);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | BrokenBarrierException e) {
            Thread.currentThread().interrupt();
        }
    }
}
