package io.eurekaagent.testapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The kind of service the agent is for: a plain JDK web app that knows nothing of Eureka.
 * Port from env {@code PORT} (default 8080, {@code 0} = any free port); it prints the port it listens on.
 * {@code GET /} (its home page), {@code GET /hello}, {@code GET /info}; {@code GET /health} answers 200 UP or 503
 * DOWN, flipped with {@code POST /health/up} and {@code POST /health/down} (env {@code HEALTH=down} starts it
 * unhealthy); {@code POST /exit} calls {@code System.exit(0)}. {@code GET /whoami} names the port it serves on, and
 * {@code GET /call?client=httpclient|urlconnection&url=U} calls U with the JDK client named and answers what U said
 * (502 and the exception when the call failed): the app as a caller of other services, for discovery tests.
 * Env {@code CALL_AT_START="client url"} makes one such call first thing in main and prints
 * {@code call at start: <answer or exception>}.
 */
public final class TestApp {
    private static volatile boolean healthy;

    public static void main(String[] args) throws IOException {
        String callAtStart = System.getenv("CALL_AT_START");
        if (callAtStart != null) {
            String[] clientAndUrl = callAtStart.split(" ", 2);
            try {
                System.out.println("call at start: " + Caller.get(clientAndUrl[0], clientAndUrl[1]));
            } catch (IOException | InterruptedException | RuntimeException e) {
                System.out.println("call at start: " + e.getClass().getName() + ": " + e.getMessage());
            }
        }
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        healthy = !"down".equalsIgnoreCase(System.getenv("HEALTH"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/", TestApp::home);
        server.createContext("/hello", exchange -> answer(exchange, 200, "text/plain", "hello"));
        server.createContext(
                "/info", exchange -> answer(exchange, 200, "application/json", "{\"app\":\"agent-test-app\"}"));
        server.createContext("/health", TestApp::health);
        server.createContext("/whoami", exchange -> answer(exchange, 200, "text/plain",
                "agent-test-app on port " + exchange.getLocalAddress().getPort()));
        server.createContext("/call", TestApp::call);
        // For tests of System.exit: the JVM runs its shutdown hooks, as it does on SIGTERM.
        server.createContext("/exit", exchange -> {
            answer(exchange, 200, "text/plain", "exiting");
            new Thread(() -> System.exit(0)).start();
        });
        // Shows that the app's own shutdown still runs when the agent is in the way of SIGTERM (the drain).
        Runtime.getRuntime().addShutdownHook(
                new Thread(() -> System.out.println("agent-test-app shutdown hook ran"), "app-shutdown"));
        server.start();
        System.out.println("agent-test-app listening on port " + server.getAddress().getPort());
    }

    private static void home(HttpExchange exchange) throws IOException {
        boolean home = exchange.getRequestURI().getPath().equals("/");
        answer(exchange, home ? 200 : 404, "text/plain", home ? "agent-test-app" : "not found");
    }

    private static void health(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if ("POST".equals(exchange.getRequestMethod()) && (path.equals("/health/up") || path.equals("/health/down"))) {
            healthy = path.endsWith("/up");
            System.out.println("agent-test-app health is now " + (healthy ? "UP" : "DOWN"));
        }
        answer(
                exchange,
                healthy ? 200 : 503,
                "application/json",
                healthy ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }

    private static void call(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            String[] keyValue = pair.split("=", 2);
            query.put(keyValue[0], URLDecoder.decode(keyValue[1], StandardCharsets.UTF_8));
        }
        try {
            answer(exchange, 200, "text/plain", Caller.get(query.get("client"), query.get("url")));
        } catch (IOException | InterruptedException | RuntimeException e) {
            answer(exchange, 502, "text/plain", e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
