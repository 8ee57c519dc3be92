package io.eurekaagent.instance;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What a Spring Boot 2+ jar says of itself: whether it has the actuator, and its own {@code application.properties},
 * read for the few settings of Boot's that the registered URLs depend on when the JVM's settings do not give them.
 * Opened on the agent's thread at registration, never in premain.
 */
final class SpringBootJar {
    private static final String BOOT_LOADER = "org.springframework.boot.loader.";

    private final boolean actuator;
    private final Properties properties;

    private SpringBootJar(boolean actuator, Properties properties) {
        this.actuator = actuator;
        this.properties = properties;
    }

    /**
     * The app's Spring Boot 2+ jar: the main jar, or the first class path entry when Spring Boot's launcher class is
     * the main class (layered container images); null when it is none.
     */
    static SpringBootJar of(String command, String classPath) {
        String main = JavaCommand.mainOf(command);
        String jar = main.endsWith(".jar") ? main
                : main.startsWith(BOOT_LOADER) ? StatusEndpoints.firstOf(classPath) : null;
        if (jar == null || !jar.endsWith(".jar")) {
            return null;
        }
        try (JarFile file = new JarFile(jar)) {
            Manifest manifest = file.getManifest();
            Attributes attributes = manifest == null ? new Attributes() : manifest.getMainAttributes();
            String version = attributes.getValue("Spring-Boot-Version");
            if (version == null || version.startsWith("1.") || version.startsWith("0.")) {
                return null;
            }
            String actuatorJar = valueOr(attributes, "Spring-Boot-Lib", "BOOT-INF/lib/") + "spring-boot-actuator-";
            boolean actuator = false;
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements() && !actuator; ) {
                actuator = entries.nextElement().getName().startsWith(actuatorJar);
            }
            Properties properties = new Properties();
            JarEntry own = file.getJarEntry(valueOr(attributes, "Spring-Boot-Classes", "BOOT-INF/classes/")
                    + "application.properties");
            if (own != null) {
                try (InputStream in = file.getInputStream(own)) {
                    properties.load(in);
                }
            }
            return new SpringBootJar(actuator, properties);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    boolean actuator() {
        return actuator;
    }

    /** A setting of the jar's own application.properties, or {@code fallback}. */
    String property(String key, String fallback) {
        String value = properties.getProperty(key);
        return value == null || value.trim().isEmpty() ? fallback : value.trim();
    }

    /** A port setting of the jar's: 1-65535, else 0. */
    int port(String key) {
        try {
            int port = Integer.parseInt(property(key, "0"));
            return port > 0 && port <= 65535 ? port : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String valueOr(Attributes attributes, String name, String fallback) {
        String value = attributes.getValue(name);
        return value == null ? fallback : value;
    }
}
