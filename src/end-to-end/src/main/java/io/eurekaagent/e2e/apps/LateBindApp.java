package io.eurekaagent.e2e.apps;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * JDK {@code HttpServer}s made with {@code HttpServer.create()} and bound afterwards, which registers the interest in
 * accepting before the bind: one per port in args, each from a thread of its own, bound at the same instant (as
 * WildFly binds 8080 and 8443). Each answers {@code GET /hello} with "hello" and prints
 * {@code late-bind listening on port N} once bound.
 */
public final class LateBindApp {
    private LateBindApp() {
    }

    public static void main(String[] args) throws IOException {
        CyclicBarrier together = new CyclicBarrier(args.length);
        for (String port : args) {
            HttpServer server = HttpServer.create();
            server.createContext("/hello", exchange -> {
                byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(200, hello.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(hello);
                }
            });
            new Thread(() -> bind(server, Integer.parseInt(port), together), "bind-" + port).start();
        }
    }

    private static void bind(HttpServer server, int port, CyclicBarrier together) {
        try {
            together.await();
            server.bind(new InetSocketAddress(port), 0);
            server.start();
            System.out.println("late-bind listening on port " + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | BrokenBarrierException e) {
            Thread.currentThread().interrupt();
        }
    }
}
