package io.eurekaagent.instance;

import io.eurekaagent.config.BootJarFiles;
import java.io.IOException;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Whether the app is a Spring Boot 2+ jar with the actuator. Its own application.properties and .yml are settings
 * ({@link BootJarFiles}). Opened on the agent's thread at registration, never in premain: the scan of its entries
 * costs milliseconds on a large jar.
 */
final class SpringBootJar {
    private SpringBootJar() {
    }

    /** TRUE or FALSE for a Spring Boot 2+ jar with or without the actuator; null when the app is none. */
    static Boolean hasActuator(String command, String classPath) {
        String jar = BootJarFiles.jarOf(command, classPath);
        if (jar == null) {
            return null;
        }
        try (JarFile file = new JarFile(jar)) {
            Manifest manifest = file.getManifest();
            Attributes attributes = manifest == null ? new Attributes() : manifest.getMainAttributes();
            if (!BootJarFiles.isBoot(attributes)) {
                return null;
            }
            String actuatorJar = BootJarFiles.valueOr(attributes, "Spring-Boot-Lib", "BOOT-INF/lib/")
                    + "spring-boot-actuator-";
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                if (entries.nextElement().getName().startsWith(actuatorJar)) {
                    return Boolean.TRUE;
                }
            }
            return Boolean.FALSE;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
