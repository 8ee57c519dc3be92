package io.eurekaagent.compat;

import io.eurekaagent.e2e.AgentApp;
import io.eurekaagent.e2e.EurekaServer;
import io.eurekaagent.e2e.Project;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers and frameworks of an estate, each a real app of src/servers (or src/spring-boot-app, src/quarkus-orders)
 * started as its guide starts it, on a port given only through the framework's own setting: the agent gets the Eureka
 * server and, to stay on loopback, the host and address; nothing about ports, names or pages. Standalone Tomcat and
 * WildFly, which start WARs, have classes of their own.
 */
enum Server {
    JETTY_12("jetty-app", null, null),
    NETTY_NIO("netty-app", null, null),
    NETTY_EPOLL("netty-app", null, null),
    VERTX_5("vertx-app", null, null),
    DROPWIZARD_5("dropwizard-app", "/", "/healthcheck"),
    QUARKUS_3("quarkus-orders", "/q/health", "/q/health"),
    MICRONAUT_4("micronaut-app", "/health", "/health"),
    HELIDON_4("helidon-app", "/observe/health", "/observe/health"),
    SPRING_BOOT_3("spring-boot3-app", "/actuator/health", "/actuator/health"),
    SPRING_BOOT_4("spring-boot-app", "/actuator/info", "/actuator/health");

    /** The name the agent registers it under, lower case: from the app's jar. */
    final String name;
    /** The status page's path once settled (a home page that answers 404 is left out: null). */
    final String statusPath;
    /** The health URL's path, or null: none registered. */
    final String healthPath;

    Server(String name, String statusPath, String healthPath) {
        this.name = name;
        this.statusPath = statusPath;
        this.healthPath = healthPath;
    }

    /** The app on {@code port} (Dropwizard's admin connector on {@code adminPort}), with the agent. */
    AgentApp app(EurekaServer eureka, int port, int adminPort) {
        AgentApp app = new AgentApp()
                .property("eureka.client.service-url.defaultZone", eureka.serviceUrl())
                .property("eureka.instance.hostname", "localhost")
                .property("eureka.instance.ip-address", "127.0.0.1")
                // The JVM verifies the JDK classes the agent rewrote, as it does not by default.
                .jvmOption("-XX:+UnlockDiagnosticVMOptions")
                .jvmOption("-XX:+BytecodeVerificationLocal");
        List<String> main = new ArrayList<>(List.of("-jar", Project.jar(jar()).toString()));
        switch (this) {
            case JETTY_12:
                app.property("jetty.http.port", Integer.toString(port));
                break;
            case NETTY_NIO:
            case NETTY_EPOLL:
                app.property("port", Integer.toString(port))
                        .property("transport", this == NETTY_EPOLL ? "epoll" : "nio");
                break;
            case VERTX_5:
                app.property("http.port", Integer.toString(port));
                break;
            case DROPWIZARD_5:
                app.property("dw.server.applicationConnectors[0].port", Integer.toString(port))
                        .property("dw.server.adminConnectors[0].port", Integer.toString(adminPort));
                main.add("server");
                break;
            case QUARKUS_3:
                app.property("quarkus.http.port", Integer.toString(port));
                break;
            case MICRONAUT_4:
                app.property("micronaut.server.port", Integer.toString(port));
                break;
            case HELIDON_4:
                app.property("server.port", Integer.toString(port));
                break;
            default:
                main.add("--server.port=" + port);
        }
        return app.main(main.toArray(new String[0]));
    }

    private String jar() {
        return this == QUARKUS_3 ? "quarkus-app/quarkus-run.jar" : name + ".jar";
    }

    /** The port its status and health pages answer on: Dropwizard's admin connector, else the serving port. */
    int pagesPort(int port, int adminPort) {
        return this == DROPWIZARD_5 ? adminPort : port;
    }
}
