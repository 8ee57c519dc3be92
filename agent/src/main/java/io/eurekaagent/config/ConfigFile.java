package io.eurekaagent.config;

import java.io.IOException;
import java.io.Reader;
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

    static ConfigSource read(Setting fileSetting) throws InvalidSettingException {
        Path path = Paths.get(fileSetting.value().trim());
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            String why = Files.exists(path) ? "cannot be read: " + e : "does not exist";
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
