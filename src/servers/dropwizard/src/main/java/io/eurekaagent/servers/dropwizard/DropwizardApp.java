package io.eurekaagent.servers.dropwizard;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * A Dropwizard service as its guide writes one: {@code java -jar dropwizard-app.jar server}, the application
 * connector on {@code dw.server.applicationConnectors[0].port} (8080) and the admin connector, with
 * {@code /healthcheck}, on {@code dw.server.adminConnectors[0].port} (8081).
 */
public final class DropwizardApp extends Application<Configuration> {
    public static void main(String[] args) throws Exception {
        new DropwizardApp().run(args);
    }

    @Override
    public void run(Configuration configuration, Environment environment) {
        environment.jersey().register(new Hello());
        environment.healthChecks().register("app", new HealthCheck() {
            @Override
            protected Result check() {
                return Result.healthy();
            }
        });
    }

    /** GET /hello. */
    @Path("/hello")
    public static final class Hello {
        @GET
        @Produces("text/plain")
        public String hello() {
            return "hello";
        }
    }
}
