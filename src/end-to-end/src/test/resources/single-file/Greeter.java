import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A single-file program, run as {@code java Greeter.java}: GET /hello answers "hello from greeter";
 * GET /call/NAME answers what {@code http://NAME/hello} says (a service called by its Eureka name).
 */
public class Greeter {
    public static void main(String[] args) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        HttpServer server = HttpServer.create(
                new InetSocketAddress(Integer.parseInt(System.getenv().getOrDefault("PORT", "0"))), 0);
        server.createContext("/hello", exchange -> answer(exchange, 200, "hello from greeter"));
        server.createContext("/call/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/call/".length());
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create("http://" + name + "/hello"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                answer(exchange, response.statusCode(), response.body());
            } catch (IOException | InterruptedException e) {
                answer(exchange, 502, e.toString());
            }
        });
        server.start();
        System.out.println("greeter listening on port " + server.getAddress().getPort());
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
