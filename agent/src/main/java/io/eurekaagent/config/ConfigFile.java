package io.eurekaagent.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.FileSystemException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
        Path path = Paths.get(fileSetting.value().trim());
        Properties properties = new Properties();
        try {
            // Only a regular file: a FIFO would hang premain (the app would never start), /dev/zero exhaust the heap.
            if (!Files.isRegularFile(path)) {
                throw new IOException(Files.exists(path) ? "is not a regular file" : "does not exist");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new IOException("is larger than " + MAX_BYTES / 1024 + " KB");
            }
            String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
            // A byte-order mark, as some Windows editors write, would otherwise become part of the first key.
            properties.load(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            String why = e instanceof IOException && e.getMessage() != null && !(e instanceof FileSystemException)
                    ? e.getMessage() : "cannot be read: " + e;
            throw new InvalidSettingException(List.of(InvalidSettingException.describe(fileSetting,
                    "a readable UTF-8 properties file (" + path.toAbsolutePath() + " " + why + ")")));
        }
        Map<String, String> values = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name));
        }
        return ConfigSource.properties("file " + path, values);
    }
}
