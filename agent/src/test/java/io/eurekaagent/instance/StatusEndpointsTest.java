package io.eurekaagent.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eurekaagent.config.AgentConfig;
import io.eurekaagent.config.InstanceSettings;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each framework's own status and health pages, found the way the agent finds them in a running app. */
class StatusEndpointsTest {
    /** An app run by {@code command} whose classes are {@code classes} (a loader of marker class files), or none. */
    static StatusEndpoints.App app(String command, ClassLoader classes) {
        return new StatusEndpoints.App(command, null, classes, Map.of(), 0);
    }

    /** The settings of a JVM run by {@code command}: a Spring Boot jar's own files among them. */
    private static InstanceSettings settings(Map<String, String> values, String command) throws Exception {
        Properties properties = new Properties();
        properties.putAll(values);
        properties.setProperty("sun.java.command", command);
        return AgentConfig.load(null, properties, Map.of()).instance();
    }

    private static StatusEndpoints endpoints(StatusEndpoints.App app) throws Exception {
        return StatusEndpoints.of(settings(Map.of(), app.command), app);
    }

    /**
     * A jar whose manifest says Spring Boot {@code version}, with the actuator's jar in BOOT-INF/lib or not, and
     * {@code properties} as its own application.properties; as the command that runs it.
     */
    static String springBootJar(Path dir, String version, boolean actuator, String properties) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Spring-Boot-Version", version);
        manifest.getMainAttributes().putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
        manifest.getMainAttributes().putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        Path jar = dir.resolve("orders-" + version + (actuator ? "-actuator" : "") + properties.hashCode() + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("BOOT-INF/lib/spring-web-7.0.0.jar"));
            if (actuator) {
                out.putNextEntry(new JarEntry("BOOT-INF/lib/spring-boot-actuator-" + version + ".jar"));
            }
            out.putNextEntry(new JarEntry("BOOT-INF/classes/application.properties"));
            out.write(properties.getBytes(StandardCharsets.ISO_8859_1));
        }
        return jar + " --server.port=8080";
    }

    /** A loader that has these class files (empty: only their presence counts). */
    private static ClassLoader classes(Path dir, String... classFiles) throws Exception {
        for (String classFile : classFiles) {
            Path file = dir.resolve(classFile);
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[0]);
        }
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    }

    @Test
    void springBootWithTheActuatorHasHealthForBothAndInfoOnlyWhereItsOwnPropertiesExposeIt(@TempDir Path dir)
            throws Exception {
        StatusEndpoints defaults = endpoints(app(springBootJar(dir, "3.5.7", true, ""), null));
        assertEquals("/actuator/health", defaults.healthPath);
        assertEquals("/actuator/health", defaults.statusPath);

        StatusEndpoints exposed = endpoints(app(springBootJar(dir, "4.0.7", true,
                "management.endpoints.web.exposure.include=health,info\nmanagement.server.port=9091\n"), null));
        assertEquals("/actuator/info", exposed.statusPath);
        assertEquals(9091, exposed.port);

        String jar = springBootJar(dir, "4.0.7", true,
                "management.endpoints.web.exposure.include=*\nmanagement.server.port=9091\n");
        StatusEndpoints jvmWins = StatusEndpoints.of(settings(Map.of("management.endpoints.web.exposure.include",
                "health", "management.server.port", "9092"), jar), app(jar, null));
        assertEquals("/actuator/health", jvmWins.statusPath, "the JVM's settings over the jar's own");
        assertEquals(9092, jvmWins.port);
    }

    @Test
    void springBootWithoutTheActuatorOrWithHealthNotExposedHasNoHealthUrl(@TempDir Path dir) throws Exception {
        StatusEndpoints plain = endpoints(app(springBootJar(dir, "4.0.7", false, ""), null));
        assertNull(plain.healthPath);
        assertEquals("/", plain.statusPath);
        StatusEndpoints infoOnly = endpoints(app(springBootJar(dir, "4.0.7", true,
                "management.endpoints.web.exposure.include=info\n"), null));
        assertNull(infoOnly.healthPath);
        assertEquals("/actuator/info", infoOnly.statusPath);
        assertNull(endpoints(app(springBootJar(dir, "1.5.22", true, ""), null)).healthPath, "Boot 1: a plain app");
    }

    @Test
    void quarkusWithSmallRyeHealthHasItsQPaths(@TempDir Path dir) throws Exception {
        Path lib = Files.createDirectories(dir.resolve("quarkus-app/lib/main"));
        String runJar = dir.resolve("quarkus-app/quarkus-run.jar").toString();
        Files.write(lib.resolve("io.quarkus.quarkus-smallrye-health-deployment-spi-3.33.2.jar"), new byte[0]);
        assertNull(endpoints(app(runJar, null)).healthPath, "a deployment jar is not the extension");

        Files.write(lib.resolve("io.quarkus.quarkus-smallrye-health-3.33.2.jar"), new byte[0]);
        StatusEndpoints health = endpoints(app(runJar, null));
        assertEquals("/q/health", health.healthPath);
        assertEquals("/q/health", health.statusPath);
        assertEquals(0, health.port);

        Files.write(lib.resolve("io.quarkus.quarkus-info-3.33.2.jar"), new byte[0]);
        StatusEndpoints managed = StatusEndpoints.of(settings(Map.of(), runJar),
                new StatusEndpoints.App(runJar, null, null, Map.of("quarkus.management.port", 9000), 0));
        assertEquals("/q/info", managed.statusPath);
        assertEquals(9000, managed.port, "the management interface");
    }

    @Test
    void micronautHelidonAndDropwizardAreKnownByTheirClasses(@TempDir Path dir) throws Exception {
        StatusEndpoints micronaut = endpoints(app("app.jar", classes(dir.resolve("mn"),
                "io/micronaut/management/endpoint/health/HealthEndpoint.class")));
        assertEquals("/health", micronaut.healthPath);
        assertEquals("/health", micronaut.statusPath, "Micronaut's info endpoint wants a login by default");

        StatusEndpoints helidon = endpoints(app("app.jar", classes(dir.resolve("helidon"),
                "io/helidon/webserver/observe/health/HealthObserver.class")));
        assertEquals("/observe/health", helidon.healthPath);
        assertEquals("/observe/health", helidon.statusPath);

        ClassLoader dropwizard = classes(dir.resolve("dw"), "io/dropwizard/core/Application.class");
        StatusEndpoints admin = endpoints(new StatusEndpoints.App("app.jar", null, dropwizard, Map.of(), 8081));
        assertEquals("/healthcheck", admin.healthPath);
        assertEquals(8081, admin.port, "the admin connector readiness passed over");
        assertNull(endpoints(app("app.jar", dropwizard)).healthPath, "no admin port seen: no URL to guess");
    }

    @Test
    void anAppOfNoKnownFrameworkHasItsHomePageAndNoHealthUrl() throws Exception {
        StatusEndpoints plain = endpoints(app("orders.jar", null));
        assertEquals("/", plain.statusPath);
        assertNull(plain.healthPath);
        assertNull(plain.framework);
    }

    @Test
    void bootsExposureList() {
        assertTrue(StatusEndpoints.exposes("health, info", "info"));
        assertTrue(StatusEndpoints.exposes("*", "info"));
        assertFalse(StatusEndpoints.exposes("health", "info"));
        assertFalse(StatusEndpoints.exposes("information", "info"));
    }
}
