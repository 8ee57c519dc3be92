package io.eurekaagent.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.FileSystemException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The properties file named by {@code eureka.agent.config-file}: the lowest source above the defaults. */
final class ConfigFile {
    private ConfigFile() {
    }

    /** A settings file is a few KB; a bigger one is a wrong path (a log, a heap dump). */
    static final long MAX_BYTES = 1024 * 1024;

    static ConfigSource read(Setting fileSetting) throws InvalidSettingException {
        String location = fileSetting.value().trim();
        String resource = FileLocation.classPathName(location);
        String source = resource == null ? "file " + location : "class path resource " + resource;
        String where = source;
        Properties properties = new Properties();
        try {
            byte[] bytes;
            if (resource == null) {
                Path path = FileLocation.path(location);
                where = path.toAbsolutePath().toString();
                bytes = readFile(path);
            } else {
                bytes = readResource(resource);
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            // A byte-order mark, as some Windows editors write, would otherwise become part of the first key.
            properties.load(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            String why = e instanceof IOException && e.getMessage() != null && !(e instanceof FileSystemException)
                    ? e.getMessage() : "cannot be read: " + e;
            throw new InvalidSettingException(List.of(InvalidSettingException.describe(fileSetting,
                    "a readable UTF-8 properties file (" + where + " " + why + ")")));
        }
        Map<String, String> values = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name));
        }
        return ConfigSource.properties(source, values);
    }

    private static byte[] readFile(Path path) throws IOException {
        // Only a regular file: a FIFO would hang premain (the app would never start), /dev/zero exhaust the heap.
        if (!Files.isRegularFile(path)) {
            throw new IOException(Files.exists(path) ? "is not a regular file" : "does not exist");
        }
        if (Files.size(path) > MAX_BYTES) {
            throw new IOException(tooLarge());
        }
        return Files.readAllBytes(path);
    }

    /** On the JVM's class path (a Spring Boot jar's BOOT-INF/classes is not on it). */
    private static byte[] readResource(String name) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("is not on the class path");
            }
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException(tooLarge());
            }
            return bytes;
        }
    }

    private static String tooLarge() {
        return "is larger than " + MAX_BYTES / 1024 + " KB";
    }
}
