package io.eurekaagent.instance;

import io.eurekaagent.config.InstanceSettings;
import java.io.File;
import java.io.IOException;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The status and health paths to register, and the port they answer on. Spring Cloud's defaults ({@code /info},
 * {@code /health}) answer 404 on Spring Boot 2 and later, whose actuator serves {@code /actuator/info} and
 * {@code /actuator/health} (moved by {@code management.endpoints.web.base-path}, and to {@code
 * management.server.port}).
 * Explicit {@code eureka.instance.*} paths always win.
 */
final class StatusEndpoints {
    private static final String BOOT_LOADER = "org.springframework.boot.loader.";

    final String statusPath;
    final String healthPath;
    /** 0: the serving port. */
    final int port;

    private StatusEndpoints(String statusPath, String healthPath, int port) {
        this.statusPath = statusPath;
        this.healthPath = healthPath;
        this.port = port;
    }

    static StatusEndpoints of(InstanceSettings config, boolean springBoot) {
        String base = "";
        if (springBoot) {
            base = config.managementBasePath() != null ? config.managementBasePath() : "/actuator";
            base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }
        return new StatusEndpoints(orElse(config.statusPageUrlPath(), base + "/info"),
                orElse(config.healthCheckUrlPath(), base + "/health"), springBoot ? config.managementPort() : 0);
    }

    /**
     * Whether the app is a Spring Boot 2+ jar, from its manifest: the main jar, or the first class path entry when
     * Spring Boot's launcher class is the main class (layered container images).
     */
    static boolean isSpringBoot(String command, String classPath) {
        String main = JavaCommand.mainOf(command);
        String jar = main.endsWith(".jar") ? main
                : main.startsWith(BOOT_LOADER) && classPath != null ? classPath.split(File.pathSeparator)[0] : null;
        if (jar == null || !jar.endsWith(".jar")) {
            return false;
        }
        try (JarFile file = new JarFile(jar)) {
            Manifest manifest = file.getManifest();
            String version = manifest == null ? null : manifest.getMainAttributes().getValue("Spring-Boot-Version");
            return version != null && !version.startsWith("1.") && !version.startsWith("0.");
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static String orElse(String configured, String fallback) {
        return configured != null ? configured : fallback;
    }
}
