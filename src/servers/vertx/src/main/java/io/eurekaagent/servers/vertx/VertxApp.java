package io.eurekaagent.servers.vertx;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * A Vert.x web service as its guide writes one: {@code GET /hello} on {@code -Dhttp.port} (8080).
 */
public final class VertxApp {
    private VertxApp() {
    }

    public static void main(String[] args) {
        int port = Integer.getInteger("http.port", 8080);
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.get("/hello").handler(context -> context.response().putHeader("Content-Type", "text/plain")
                .end("hello"));
        vertx.createHttpServer().requestHandler(router).listen(port)
                .onSuccess(server -> System.out.println("vertx-app listening on port " + server.actualPort()))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }
}
