package io.eurekaagent.servers.micronaut;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.Micronaut;

/**
 * A Micronaut service as its guide writes one: {@code GET /hello} on {@code -Dmicronaut.server.port} (8080), with the
 * management module's {@code /health} beside it.
 */
public final class MicronautApp {
    private MicronautApp() {
    }

    public static void main(String[] args) {
        Micronaut.run(MicronautApp.class, args);
    }

    /** GET /hello. */
    @Controller("/hello")
    public static class Hello {
        @Get(produces = MediaType.TEXT_PLAIN)
        public String hello() {
            return "hello";
        }
    }
}
