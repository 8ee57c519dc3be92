package io.eurekaagent.config;

import io.eurekaagent.log.AgentLog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Parses {@code -javaagent:eureka-agent.jar=key=value,key=value}. Service URLs are themselves comma-separated,
 * so a piece that does not start with {@code key=} continues the previous value:
 * {@code eureka.client.service-url.defaultZone=http://a/eureka/,http://b/eureka/,eureka.instance.appname=orders}.
 */
public final class AgentArguments {

    private AgentArguments() {
    }

    /**
     * {@code [A-Za-z_][A-Za-z0-9_.\[\]-]*}, ASCII only as every setting's name; checked by hand: a regular expression
     * costs premain milliseconds.
     */
    private static boolean isKey(String key) {
        char first = key.isEmpty() ? 0 : key.charAt(0);
        if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z' || first == '_')) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c)
                    || c == '_'
                    || c == '.'
                    || c == '['
                    || c == ']'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lines about arguments that parse but are likely wrong: a key given twice (the last one is used), and a key the
     * agent does not read, which is most often the rest of a value that held {@code ,name=}.
     */
    static List<String> warnings(String arguments) {
        List<String> warnings = new ArrayList<>();
        if (arguments == null) {
            return warnings;
        }
        Set<String> seen = new HashSet<>();
        boolean afterAComma = false;
        for (String piece : arguments.split(",", -1)) {
            boolean followsAComma = afterAComma;
            afterAComma = true;
            int equals = piece.indexOf('=');
            String key = equals < 0 ? "" : piece.substring(0, equals).trim();
            if (!isKey(key)) {
                continue;
            }
            if (!seen.add(key)) {
                warnings.add("agent argument " + key + " is given twice: the last one is used");
            }
            if (!ConfigSource.isOurs(key)) {
                // Only after a comma can it be the rest of a value that held ",name=".
                warnings.add("agent argument '" + AgentLog.mask(piece.trim()) + "' is not a setting the agent reads"
                        + (followsAComma ? ": a value holding ',' followed by 'name=' cannot be an agent argument;"
                                + " give it as a system property" : ""));
            }
        }
        return warnings;
    }

    /**
     * What {@code attach} hands the running JVM as agent arguments: the settings of the command line itself, then
     * those of its own system properties, then those of its environment (the first of a key wins), as
     * {@code key=value} pairs; variables become property names ({@code EUREKA_INSTANCE_APPNAME} is
     * {@code eureka.instance.appname}). Through the environment or a file, a password reaches the app without
     * showing in {@code ps} as the attach command's arguments would (issue 21); agent arguments travel over the
     * attach socket, never in a command line.
     * @param commandLine the attach command's own {@code key=value} settings joined by commas, or null
     */
    public static String forAttach(String commandLine, Properties properties, Map<String, String> env)
            throws InvalidSettingException {
        Map<String, String> settings = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> setting : parse(commandLine).entrySet()) {
            add(settings, seen, setting.getKey(), setting.getValue());
        }
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            if (ConfigSource.isOurs(name)) {
                add(settings, seen, name, properties.getProperty(name));
            }
        }
        for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
            if (ConfigSource.isOurs(variable.getKey())) {
                add(settings, seen, String.join(".", RelaxedNames.envSegments(variable.getKey())),
                        variable.getValue());
            }
        }
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            pairs.add(setting.getKey() + "=" + setting.getValue());
        }
        return pairs.isEmpty() ? null : String.join(",", pairs);
    }

    private static void add(Map<String, String> settings, Set<String> seen, String key, String value) {
        if (seen.add(RelaxedNames.canonicalKey(key))) {
            settings.put(key, value);
        }
    }

    public static Map<String, String> parse(String arguments) throws InvalidSettingException {
        Map<String, String> values = new LinkedHashMap<>();
        if (arguments == null || arguments.isBlank()) {
            return values;
        }
        String lastKey = null;
        for (String piece : arguments.split(",", -1)) {
            int equals = piece.indexOf('=');
            String key = equals < 0 ? "" : piece.substring(0, equals).trim();
            if (isKey(key)) {
                lastKey = key;
                values.put(key, piece.substring(equals + 1).trim());
            } else if (lastKey != null) {
                values.put(lastKey, values.get(lastKey) + "," + piece.trim());
            } else {
                throw new InvalidSettingException(List.of("agent arguments '" + AgentLog.mask(piece)
                        + "': expected key=value pairs separated by commas"));
            }
        }
        return values;
    }
}
