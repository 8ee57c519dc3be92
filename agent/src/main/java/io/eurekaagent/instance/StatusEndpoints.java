package io.eurekaagent.instance;

import io.eurekaagent.config.Catalog;
import io.eurekaagent.config.InstanceSettings;
import io.eurekaagent.config.JavaCommand;
import java.util.Map;

/**
 * The status and health pages to register: a framework's own endpoints where the app has them, else the home page as
 * the status page and no health URL. A URL that answers 404 is worse than none: the Eureka dashboard's link is dead
 * and monitoring shows the app down. Explicit {@code eureka.instance.*} paths and URLs win over all of this.
 * <ul>
 * <li>Spring Boot 2+ jar with the actuator: {@code /actuator/health}; {@code /actuator/info} only when exposed (Boot
 * exposes only health over HTTP by default), else health for both; the base path and port as Boot's own settings say
 * (the JVM's settings, then the jar's own application.properties and .yml);
 * <li>Quarkus fast-jar with SmallRye Health: {@code /q/health} ({@code /q/info} with quarkus-info), on the management
 * port when the management interface is on;
 * <li>Micronaut with its management module: {@code /health} (its info endpoint needs authentication by default);
 * <li>Helidon 4 with the health observer: {@code /observe/health} ({@code /observe/info} with the info observer);
 * <li>Dropwizard: its admin connector's {@code /healthcheck} and operational menu, on the admin port readiness passed
 * over.
 * </ul>
 */
final class StatusEndpoints {
    private static final String[] MICRONAUT = {"io/micronaut/management/endpoint/health/HealthEndpoint.class"};
    private static final String[] HELIDON = {"io/helidon/webserver/observe/health/HealthObserver.class"};
    private static final String[] HELIDON_INFO = {"io/helidon/webserver/observe/info/InfoObserver.class"};
    private static final String[] DROPWIZARD =
        {"io/dropwizard/core/Application.class", "io/dropwizard/Application.class"};

    /** Where the app is looked at: its command, class path and classes; the framework settings from the agent's. */
    static final class App {
        final String command;
        final String classPath;
        final ClassLoader classes;
        /** Ports a framework setting names as management ones, by setting name. */
        final Map<String, Integer> managementPorts;
        /** The admin or management port readiness passed over, or 0. */
        final int passedOverPort;

        App(String command, String classPath, ClassLoader classes, Map<String, Integer> managementPorts,
                int passedOverPort) {
            this.command = command;
            this.classPath = classPath;
            this.classes = classes;
            this.managementPorts = managementPorts;
            this.passedOverPort = passedOverPort;
        }

        boolean has(String[] classFiles) {
            for (String classFile : classFiles) {
                if (classes != null && classes.getResource(classFile) != null) {
                    return true;
                }
            }
            return false;
        }
    }

    final String statusPath;
    /** Null: no health URL. */
    final String healthPath;
    /** 0: the serving port. */
    final int port;
    /** Whose endpoints these are, for the log: "Spring Boot's actuator"; null for the home page alone. */
    final String framework;
    /** Whether the status page is the home page for want of a framework's: it may answer 404. */
    final boolean homePageOnly;

    private StatusEndpoints(String statusPath, String healthPath, int port, String framework) {
        this.statusPath = statusPath;
        this.healthPath = healthPath;
        this.port = port;
        this.framework = framework;
        this.homePageOnly = false;
    }

    private StatusEndpoints(StatusEndpoints found, InstanceSettings config) {
        this.statusPath = orElse(config.get(Catalog.STATUS_PAGE_URL_PATH), found.statusPath);
        this.healthPath = orElse(config.get(Catalog.HEALTH_CHECK_URL_PATH), found.healthPath);
        this.port = found.port;
        this.framework = found.framework;
        this.homePageOnly = found.framework == null && config.get(Catalog.STATUS_PAGE_URL_PATH) == null;
    }

    /** With the explicit paths applied: they win over what was detected. */
    static StatusEndpoints of(InstanceSettings config, App app) {
        return new StatusEndpoints(detect(config, app), config);
    }

    private static StatusEndpoints detect(InstanceSettings config, App app) {
        Boolean actuator = SpringBootJar.hasActuator(app.command, app.classPath);
        if (actuator != null) {
            return actuator ? actuator(config) : home(config);
        }
        String quarkusLib = QuarkusFastJar.libOf(JavaCommand.mainOf(app.command));
        if (quarkusLib != null) {
            return quarkus(config, quarkusLib, app.managementPorts.getOrDefault("quarkus.management.port", 0));
        }
        if (app.has(MICRONAUT)) {
            return new StatusEndpoints("/health", "/health",
                    app.managementPorts.getOrDefault("endpoints.all.port", 0), "Micronaut's management endpoints");
        }
        if (app.has(HELIDON)) {
            String health = "/observe/health";
            return new StatusEndpoints(app.has(HELIDON_INFO) ? "/observe/info" : health, health, 0,
                    "Helidon's health observer");
        }
        if (app.has(DROPWIZARD) && app.passedOverPort > 0) {
            return new StatusEndpoints("/", "/healthcheck", app.passedOverPort, "Dropwizard's admin connector");
        }
        return home(config);
    }

    private static StatusEndpoints home(InstanceSettings config) {
        return new StatusEndpoints(config.get(Catalog.HOME_PAGE_URL_PATH), null, 0, null);
    }

    /** Boot's settings here include the jar's own application.properties and .yml ({@code BootJarFiles}). */
    private static StatusEndpoints actuator(InstanceSettings config) {
        String base = orElse(config.get(Catalog.MANAGEMENT_BASE_PATH), "/actuator");
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        int port = config.get(Catalog.MANAGEMENT_PORT);
        String exposed = orElse(config.get(Catalog.MANAGEMENT_EXPOSURE), "health");
        String health = exposes(exposed, "health") ? base + "/health" : null;
        String status = exposes(exposed, "info") ? base + "/info" : health;
        return health == null && status == null ? home(config)
                : new StatusEndpoints(status == null ? config.get(Catalog.HOME_PAGE_URL_PATH) : status, health, port,
                        "Spring Boot's actuator");
    }

    private static StatusEndpoints quarkus(InstanceSettings config, String lib, int managementPort) {
        if (!QuarkusFastJar.hasExtension(lib, "quarkus-smallrye-health")) {
            return home(config);
        }
        String health = "/q/health";
        return new StatusEndpoints(QuarkusFastJar.hasExtension(lib, "quarkus-info") ? "/q/info" : health, health,
                managementPort, "Quarkus' SmallRye Health");
    }

    /** Whether Spring Boot's {@code exposure.include} list ({@code health,info}, {@code *}) names the endpoint. */
    static boolean exposes(String include, String endpoint) {
        for (String name : include.split(",")) {
            if (name.trim().equals("*") || name.trim().equals(endpoint)) {
                return true;
            }
        }
        return false;
    }

    private static String orElse(String configured, String fallback) {
        return configured != null ? configured : fallback;
    }
}
