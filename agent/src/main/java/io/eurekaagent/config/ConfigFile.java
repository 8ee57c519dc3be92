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

/**
 * Properties files read as settings: the one {@code eureka.agent.config-file} names, and the Netflix client's
 * {@code eureka-client.properties} on the class path ({@link NetflixNames}).
 */
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
        try {
            byte[] bytes;
            if (resource == null) {
                Path path = FileLocation.path(location);
                where = path.toAbsolutePath().toString();
                bytes = readFile(path);
            } else {
                bytes = readResource(resource);
                if (bytes == null) {
                    throw new IOException("is not on the class path");
                }
            }
            return ConfigSource.properties(source, parse(bytes));
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            throw new InvalidSettingException(List.of(InvalidSettingException.describe(fileSetting,
                    "a readable UTF-8 properties file (" + where + " " + why(e) + ")")));
        }
    }

    /** A properties resource on the JVM's class path, or null when there is none (the Netflix client's file). */
    static ConfigSource classPathResource(String name) throws IOException {
        try {
            byte[] bytes = readResource(name);
            return bytes == null ? null : ConfigSource.properties("class path resource " + name, parse(bytes));
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            throw new IOException(why(e), e);
        }
    }

    private static String why(Exception e) {
        return e instanceof IOException && e.getMessage() != null && !(e instanceof FileSystemException)
                ? e.getMessage() : "cannot be read: " + e;
    }

    private static Map<String, String> parse(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Properties properties = new Properties();
        // A byte-order mark, as some Windows editors write, would otherwise become part of the first key.
        properties.load(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
        Map<String, String> values = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name));
        }
        return values;
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

    /** On the JVM's class path (a Spring Boot jar's BOOT-INF/classes is not on it); null when it is not there. */
    private static byte[] readResource(String name) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(name)) {
            if (in == null) {
                return null;
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
