package io.eurekaagent.servers.helidon;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;

/**
 * A Helidon 4 SE service as its guide writes one: {@code GET /hello} on {@code -Dserver.port} (8080), and Helidon's
 * observability endpoint with the health observer ({@code /observe/health}).
 */
public final class HelidonApp {
    private HelidonApp() {
    }

    public static void main(String[] args) {
        WebServer server = WebServer.builder()
                .port(Integer.getInteger("server.port", 8080))
                .addFeature(ObserveFeature.builder().addObserver(HealthObserver.create()).build())
                .routing(routing -> routing.get("/hello", (request, response) -> response.send("hello")))
                .build()
                .start();
        System.out.println("helidon-app listening on port " + server.port());
    }
}
