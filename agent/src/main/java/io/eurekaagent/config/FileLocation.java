package io.eurekaagent.config;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Spring's resource notation, as every setting that names a file takes it: {@code file:/path}, {@code classpath:name}
 * or a plain path.
 */
final class FileLocation {
    private static final String CLASS_PATH = "classpath:";
    private static final String FILE = "file:";

    private FileLocation() {
    }

    /** The resource name on the JVM's class path, or null when {@code location} names a file. */
    static String classPathName(String location) {
        if (!location.startsWith(CLASS_PATH)) {
            return null;
        }
        String name = location.substring(CLASS_PATH.length());
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /** The file {@code location} names; only for a location that is not on the class path. */
    static Path path(String location) {
        return Paths.get(location.startsWith(FILE) ? location.substring(FILE.length()) : location);
    }
}
