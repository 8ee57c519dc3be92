package io.eurekaagent.config;

import io.eurekaagent.log.AgentLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Typed reads of settings. A bad value is recorded as a problem (key, value, expected) and the default is used. */
final class SettingReader {

    private final LayeredSettings settings;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Set<Key<?>> read = new HashSet<>();
    /** Each setting read that is given, by its catalog name (a map's entries each): what {@link #inEffect} lists. */
    private final Map<String, Setting> given = new TreeMap<>();
    private final Set<String> secretNames = new HashSet<>();

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

    Set<Key<?>> keysRead() {
        return read;
    }

    void warning(String message) {
        warnings.add(message);
    }

    /**
     * The setting as given (value and source), or null. Every read goes through a declared {@link Key}: a setting the
     * catalog does not list cannot be read.
     */
    Setting raw(Key<?> key) {
        read.add(key);
        Setting setting = settings.get(key.name());
        if (setting != null && key.isSecret()) {
            AgentLog.addSecret(setting.value());
            secretNames.add(key.name());
        }
        if (setting != null && !isDefault(key, setting)) {
            given.put(key.name(), setting);
        }
        return setting;
    }

    private static boolean isDefault(Key<?> key, Setting setting) {
        try {
            return key.defaultValue() != null && key.defaultValue().equals(key.parse(setting.value()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The settings given that differ from their defaults, one {@code name=value (source)} each in name order, as
     * Elastic APM's agent logs them at start; secrets as {@code ****}, passwords in URLs masked.
     */
    List<String> inEffect() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Setting> entry : given.entrySet()) {
            Setting setting = entry.getValue();
            String value = secretNames.contains(entry.getKey()) ? "****" : AgentLog.mask(setting.value());
            lines.add(entry.getKey() + "=" + value + " (" + setting.source()
                    + (setting.key().equals(entry.getKey()) ? "" : " " + setting.key()) + ")");
        }
        return lines;
    }

    /** The setting's value through its key's parser; its default when unset, or after a problem (recorded). */
    <T> T get(Key<T> key) {
        return get(key, key.defaultValue());
    }

    /** Likewise, with a default that is another setting's value (the health-check interval is the renewal one). */
    <T> T get(Key<T> key, T fallback) {
        Setting setting = raw(key);
        if (setting == null) {
            return fallback;
        }
        try {
            return key.parse(setting.value());
        } catch (IllegalArgumentException e) {
            problem(setting, e.getMessage());
            return fallback;
        }
    }

    boolean isSet(Key<?> key) {
        return raw(key) != null;
    }

    /**
     * A {@code eureka.*} key the catalog does not list but that is within two typing errors of one it does
     * ({@code eureka.client.servce-url.defaultZone}) is warned about, as is any unknown {@code eureka.agent.*} key;
     * other unknown keys are Spring Cloud's own and stay quiet.
     */
    void warnAboutTypos() {
        Map<String, String> known = new HashMap<>();
        Map<String, String> knownMaps = new HashMap<>();
        for (Key<?> key : Catalog.all()) {
            (key.isMap() ? knownMaps : known).put(RelaxedNames.canonicalKey(key.name()), key.name());
        }
        Map<String, String> unused = new HashMap<>();
        for (String name : UnusedSpringKeys.all().keySet()) {
            unused.put(RelaxedNames.canonicalKey(name), name);
        }
        for (Map.Entry<String, Setting> entry : settings.all().entrySet()) {
            String key = entry.getKey();
            Setting setting = entry.getValue();
            List<String> segments = RelaxedNames.propertySegments(key);
            if (!key.startsWith("eureka.") || known.containsKey(key) || isUnderMap(segments, knownMaps)
                    || NetflixNames.isNetflixName(key)) {
                continue;
            }
            String springKey = unused.containsKey(key) ? unused.get(key) : under(segments, unused);
            if (springKey != null) {
                warnings.add(setting.key() + " (" + setting.source() + ") is a Spring Cloud setting the agent does not"
                        + " use: " + UnusedSpringKeys.all().get(springKey));
                continue;
            }
            boolean environment = setting.key().indexOf('.') < 0;
            List<String> spelled = environment ? RelaxedNames.envSegments(setting.key())
                    : RelaxedNames.propertySegments(setting.key());
            String envName = environment ? Typos.environmentSlip(spelled) : null;
            String suggestion = envName == null ? Typos.closest(key, segments, spelled, known, knownMaps) : null;
            if (envName != null) {
                warnings.add("unknown setting " + setting.key() + " (" + setting.source() + ") ignored: did you mean "
                        + envName + "? In a variable's name `_` separates the key's parts and a part's dashes are"
                        + " dropped");
            } else if (suggestion != null) {
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
        return under(segments, maps) != null;
    }

    /** The value of the first of {@code keys} that the key's segments lie below ({@code data-center-info.name}). */
    private static String under(List<String> segments, Map<String, String> keys) {
        for (int i = 1; i < segments.size(); i++) {
            String prefix = keys.get(String.join(".", segments.subList(0, i)));
            if (prefix != null) {
                return prefix;
            }
        }
        return null;
    }

    void problem(Setting setting, String expected) {
        String problem = InvalidSettingException.describe(setting, expected);
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    /** The first of these keys that is set (a rule across keys names the one the user gave). */
    Setting firstSet(Key<?>... keys) {
        for (Key<?> key : keys) {
            Setting setting = raw(key);
            if (setting != null) {
                return setting;
            }
        }
        throw new IllegalStateException("a cross-key rule failed on defaults alone: " + List.of(keys));
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

    /** The entries of a map-valued key, keyed as the user spelled the rest of the key. */
    Map<String, String> map(Key<Map<String, String>> prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, Setting> entry : settingsUnder(prefix).entrySet()) {
            values.put(entry.getKey(), entry.getValue().value());
        }
        return values;
    }

    /** Likewise, each entry with its source. */
    Map<String, Setting> settingsUnder(Key<Map<String, String>> prefix) {
        read.add(prefix);
        Map<String, Setting> entries = settings.map(prefix.name());
        for (Map.Entry<String, Setting> entry : entries.entrySet()) {
            given.put(prefix.name() + "." + entry.getKey(), entry.getValue());
        }
        return entries;
    }
}
