package io.eurekaagent.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One place settings come from (agent arguments, system properties, environment, a file), keyed by relaxed name. */
final class ConfigSource {
    private static final String ENVIRONMENT = "environment variable";
    private final String name;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<String> duplicates = new ArrayList<>();

    private ConfigSource(String name) {
        this.name = name;
    }

    static ConfigSource properties(String name, Map<String, String> values) {
        ConfigSource source = new ConfigSource(name);
        for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
            if (isOurs(entry.getKey())) {
                source.add(entry.getKey(), RelaxedNames.propertySegments(entry.getKey()), entry.getValue());
            }
        }
        return source;
    }

    static ConfigSource environment(Map<String, String> env) {
        ConfigSource source = new ConfigSource(ENVIRONMENT);
        for (Map.Entry<String, String> entry : new TreeMap<>(env).entrySet()) {
            if (isOurs(entry.getKey())) {
                source.add(entry.getKey(), RelaxedNames.envSegments(entry.getKey()), entry.getValue());
            }
        }
        return source;
    }

    /** Settings given under another name, each filed under the agent's ({@link NetflixNames}). */
    static ConfigSource aliases() {
        return new ConfigSource("alias");
    }

    void addAlias(List<String> segments, Setting setting) {
        entries.putIfAbsent(RelaxedNames.canonicalKey(segments), new Entry(segments, setting));
    }

    boolean isEnvironment() {
        return name.equals(ENVIRONMENT);
    }

    /** The first words of every key the agent reads: the JVM's and the shell's many other keys cost premain time. */
    private static final String[] PREFIXES = {"eureka", "spring", "quarkus", "micronaut", "management", "endpoints"};

    static boolean isOurs(String key) {
        for (String prefix : PREFIXES) {
            if (key.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    private void add(String key, List<String> segments, String value) {
        Entry first = entries.putIfAbsent(
                RelaxedNames.canonicalKey(segments), new Entry(segments, new Setting(key, value, name)));
        if (first != null) {
            duplicates.add(first.setting.key() + " and " + key + " (" + name + ") are one setting: "
                    + first.setting.key() + " is used");
        }
    }

    /** Lines about keys given twice in this source under different spellings ({@code appname}, {@code appName}). */
    List<String> duplicates() {
        return duplicates;
    }

    Setting get(String canonicalKey) {
        Entry entry = entries.get(canonicalKey);
        return entry == null ? null : entry.setting;
    }

    /** Adds this source's entries under their canonical keys, keeping those already there (a higher source's). */
    void putAll(Map<String, Setting> into) {
        for (Map.Entry<String, Entry> keyed : entries.entrySet()) {
            into.putIfAbsent(keyed.getKey(), keyed.getValue().setting);
        }
    }

    /** Entries below {@code canonicalPrefix}, keyed by the rest of the key as the user spelled it. */
    void putMapEntries(String canonicalPrefix, Map<String, Setting> into) {
        int depth = RelaxedNames.propertySegments(canonicalPrefix).size();
        for (Map.Entry<String, Entry> keyed : entries.entrySet()) {
            Entry entry = keyed.getValue();
            if (keyed.getKey().startsWith(canonicalPrefix + ".")) {
                into.put(String.join(".", entry.segments.subList(depth, entry.segments.size())), entry.setting);
            }
        }
    }

    private static final class Entry {
        final List<String> segments;
        final Setting setting;

        Entry(List<String> segments, Setting setting) {
            this.segments = segments;
            this.setting = setting;
        }
    }
}
