package io.eurekaagent.testapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The kind of service the agent is for: a plain JDK web app that knows nothing of Eureka.
 * Port from env {@code PORT} (default 8080, {@code 0} = any free port); it prints the port it listens on.
 * {@code GET /hello}, {@code GET /health}, {@code GET /info}; {@code POST /exit} calls {@code System.exit(0)}.
 */
public final class TestApp {
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/hello", exchange -> answer(exchange, "text/plain", "hello"));
        server.createContext("/health", exchange -> answer(exchange, "application/json", "{\"status\":\"UP\"}"));
        server.createContext("/info", exchange -> answer(exchange, "application/json", "{\"app\":\"agent-test-app\"}"));
        // For tests of System.exit: the JVM runs its shutdown hooks, as it does on SIGTERM.
        server.createContext("/exit", exchange -> {
            answer(exchange, "text/plain", "exiting");
            new Thread(() -> System.exit(0)).start();
        });
        server.start();
        System.out.println("agent-test-app listening on port " + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
