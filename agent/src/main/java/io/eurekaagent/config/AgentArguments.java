package io.eurekaagent.config;

import io.eurekaagent.log.AgentLog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
