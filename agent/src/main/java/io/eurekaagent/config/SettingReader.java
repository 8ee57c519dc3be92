package io.eurekaagent.config;

import io.eurekaagent.log.AgentLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Typed reads of settings. A bad value is recorded as a problem (key, value, expected) and the default is used. */
final class SettingReader {

    private final LayeredSettings settings;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    SettingReader(LayeredSettings settings) {
        this.settings = settings;
        warnings.addAll(settings.duplicates());
    }

    List<String> problems() {
        return problems;
    }

    /** Things worth a line that do not stop the agent (a likely typo, a setting that has no effect). */
    List<String> warnings() {
        return warnings;
    }

    void warning(String message) {
        warnings.add(message);
    }

    /** Every read goes through a declared {@link Key}: a setting the catalog does not list cannot be read. */
    private Setting get(Key key) {
        Setting setting = settings.get(key.name());
        if (setting != null && key.isSecret()) {
            AgentLog.addSecret(setting.value());
        }
        return setting;
    }

    /**
     * A {@code eureka.*} key the catalog does not list but that is within two typing errors of one it does
     * ({@code eureka.client.servce-url.defaultZone}) is warned about, as is any unknown {@code eureka.agent.*} key;
     * other unknown keys are Spring Cloud's own and stay quiet.
     */
    void warnAboutTypos() {
        Map<String, String> known = new HashMap<>();
        Map<String, String> knownMaps = new HashMap<>();
        for (Key key : Catalog.all()) {
            (key.isMap() ? knownMaps : known).put(RelaxedNames.canonicalKey(key.name()), key.name());
        }
        for (Map.Entry<String, Setting> entry : settings.all().entrySet()) {
            String key = entry.getKey();
            Setting setting = entry.getValue();
            List<String> segments = RelaxedNames.propertySegments(key);
            if (!key.startsWith("eureka.") || known.containsKey(key) || isUnderMap(segments, knownMaps)) {
                continue;
            }
            List<String> spelled = setting.key().indexOf('.') >= 0 ? RelaxedNames.propertySegments(setting.key())
                    : RelaxedNames.envSegments(setting.key());
            String suggestion = Typos.closest(key, segments, spelled, known, knownMaps);
            if (suggestion != null) {
                warnings.add("unknown setting " + setting.key() + " (" + setting.source() + ") ignored: did you mean "
                        + suggestion + "?");
            } else if (key.startsWith("eureka.agent.")) {
                // eureka.agent.* is the agent's alone (Spring Cloud has no such keys): an unknown one is a mistake.
                warnings.add("unknown setting " + setting.key() + " (" + setting.source()
                        + ") ignored: the agent has no" + " such setting");
            }
        }
    }

    private static boolean isUnderMap(List<String> segments, Map<String, String> maps) {
        for (int i = 1; i < segments.size(); i++) {
            if (maps.containsKey(String.join(".", segments.subList(0, i)))) {
                return true;
            }
        }
        return false;
    }

    void problem(Setting setting, String expected) {
        String problem = InvalidSettingException.describe(setting, expected);
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    Setting raw(Key key) {
        return get(key);
    }

    /** The first of these keys that is set (a rule across keys names the one the user gave). */
    Setting firstSet(Key... keys) {
        for (Key key : keys) {
            Setting setting = get(key);
            if (setting != null) {
                return setting;
            }
        }
        throw new IllegalStateException("a cross-key rule failed on defaults alone: " + List.of(keys));
    }

    boolean bool(Key key) {
        boolean fallback = Boolean.parseBoolean(key.defaultValue());
        Setting setting = get(key);
        if (setting == null) {
            return fallback;
        }
        String value = setting.value().trim().toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        problem(setting, "true or false");
        return fallback;
    }

    int integer(Key key) {
        return integer(key, Integer.parseInt(key.defaultValue()));
    }

    /** A number whose default is another setting's value (the health-check interval is the renewal interval). */
    int integer(Key key, int fallback) {
        int min = key.min();
        int max = key.max();
        Setting setting = get(key);
        if (setting == null) {
            return fallback;
        }
        try {
            int value = ValueCheck.asciiInt(setting.value().trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        problem(setting, "a whole number " + key.unitPhrase() + "from " + min + " to " + max);
        return fallback;
    }

    /** One of an enum's constants, written in lower case with dashes ({@code port-open}). */
    /** @param constants the enum's {@code values()}: its reflective getEnumConstants costs premain ~2 ms */
    <E extends Enum<E>> E choice(Key key, E[] constants) {
        Setting setting = get(key);
        E fallback = null;
        for (E constant : constants) {
            String name = Catalog.spelling(constant);
            if (setting != null && name.equals(setting.value().trim().toLowerCase(Locale.ROOT))) {
                return constant;
            }
            if (name.equals(key.defaultValue())) {
                fallback = constant;
            }
        }
        if (setting != null) {
            problem(setting, "one of " + String.join(", ", key.choiceNames()));
        }
        return fallback;
    }

    /**
     * A framework's own port setting ({@code management.server.port}): 1-65535 is a port; anything else (-1 for off,
     * 0 for random, a typo) is 0, never a problem: judging it is the framework's business.
     */
    int foreignPort(Key key) {
        Setting setting = get(key);
        String value = setting == null ? key.defaultValue() : setting.value().trim();
        try {
            int port = value == null ? 0 : ValueCheck.asciiInt(value);
            return port > 0 && port <= 65535 ? port : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A TCP port; 0 when unset without a default. */
    int port(Key key) {
        return integer(key, key.defaultValue() == null ? 0 : Integer.parseInt(key.defaultValue()));
    }

    /** A name usable in a Eureka URL path (app names, VIP addresses); null when unset. */
    String name(Key key, String what) {
        return checked(
                key,
                null,
                ValueCheck.NAME,
                what + " of letters, digits, '.', '_' or '-', at most " + ValueCheck.MAX_LENGTH + " characters");
    }

    /** Text that goes into Eureka's URLs as one path segment ({@code /apps/APP/ID}); null when unset. */
    String segment(Key key, String what) {
        return checked(
                key,
                null,
                ValueCheck.SEGMENT,
                what + " without spaces, control characters or / \\ ? # %, at most " + ValueCheck.MAX_LENGTH
                        + " characters");
    }

    /** A host name or IP address ({@link HostSyntax}); null when unset. */
    String host(Key key) {
        return checked(key, null, ValueCheck.HOST, "a host name of letters, digits, '.', '-' or '_', or an IP address");
    }

    String path(Key key) {
        return checked(key, key.defaultValue(), ValueCheck.PATH,
                "a URL path starting with '/', without spaces, with % only in escapes such as %20");
    }

    /** The trimmed value if it passes {@code check}, else a problem and the fallback. */
    private String checked(Key key, String fallback, ValueCheck check, String expected) {
        Setting setting = get(key);
        if (setting == null) {
            return fallback;
        }
        String value = setting.value().trim();
        if (check.accepts(value)) {
            return value;
        }
        problem(setting, expected);
        return fallback;
    }

    /** An absolute http(s) URL; null when unset. */
    String url(Key key) {
        Setting setting = get(key);
        if (setting == null) {
            return null;
        }
        try {
            ServiceUrl.parse(setting.value());
            return setting.value().trim();
        } catch (IllegalArgumentException e) {
            problem(setting, "an absolute http or https URL (" + e.getMessage() + ")");
            return null;
        }
    }

    /**
     * More servers than any estate runs: a value that long is a mistake, and every failure line would list them all.
     */
    static final int MAX_SERVICE_URLS = 32;

    /** Comma-separated service URLs of one zone; {@code fallback} when the setting is null. */
    List<ServiceUrl> serviceUrls(Setting setting, String fallback) {
        String value = setting == null ? fallback : setting.value();
        List<ServiceUrl> urls = new ArrayList<>();
        String[] parts = value.split(",");
        if (parts.length > MAX_SERVICE_URLS) {
            problem(
                    setting,
                    "at most " + MAX_SERVICE_URLS + " comma-separated http(s) URLs (" + parts.length + " given)");
            return urls;
        }
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                continue;
            }
            try {
                urls.add(ServiceUrl.parse(parts[i]));
            } catch (IllegalArgumentException e) {
                // With credentials in the value, a piece may be part of a password (one holding ','): not shown.
                String which = value.indexOf('@') < 0 || parts.length == 1
                        ? "'" + parts[i].trim() + "'"
                        : "URL " + (i + 1) + " of " + parts.length
                                + " as split at commas; in a password, percent-encode"
                                + " commas, slashes, at signs, colons, spaces and % ? #";
                problem(setting, "comma-separated http(s) URLs such as http://eureka:8761/eureka/ (" + which + ": "
                        + e.getMessage() + ")");
                return urls;
            }
        }
        if (urls.isEmpty()) {
            problem(setting, "at least one http(s) URL such as http://eureka:8761/eureka/");
        }
        return urls;
    }

    /** A literal IPv4 or IPv6 address (never a name: no DNS lookups at start-up); null when unset. */
    String ipAddress(Key key) {
        return checked(key, null, ValueCheck.IP, "a literal IPv4 or IPv6 address such as 10.0.0.5");
    }

    /** Comma-separated regular expressions. */
    List<Pattern> patterns(Key key) {
        Setting setting = get(key);
        List<Pattern> patterns = new ArrayList<>();
        if (setting == null) {
            return patterns;
        }
        for (String part : setting.value().split(",")) {
            try {
                if (!part.isBlank()) {
                    patterns.add(Pattern.compile(part.trim()));
                }
            } catch (PatternSyntaxException e) {
                problem(setting, "comma-separated regular expressions ('" + part.trim() + "' is not one)");
            }
        }
        return patterns;
    }

    Map<String, String> map(Key prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, Setting> entry : settingsUnder(prefix).entrySet()) {
            values.put(entry.getKey(), entry.getValue().value());
        }
        return values;
    }

    /** The entries of a map-valued key, keyed as the user spelled the rest of the key. */
    Map<String, Setting> settingsUnder(Key prefix) {
        return settings.map(prefix.name());
    }
}
