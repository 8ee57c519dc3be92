package io.eurekaagent.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a section's keys as read, handed out by its settings class as they are: adding such a setting is its
 * declaration in {@link Catalog} and the code that uses it. The class reads the rest itself (derived or cross-key).
 */
final class SectionValues {
    private final Map<Key<?>, Object> values = new HashMap<>();

    /** Reads every key of {@code section} but those in {@code apart}. */
    @SuppressWarnings("unchecked")
    SectionValues(SettingReader r, Catalog.Section section, List<? extends Key<?>> apart) {
        for (Key<?> key : Catalog.all()) {
            if (key.section() == section && !apart.contains(key)) {
                values.put(key, key.isMap() ? r.map((Key<Map<String, String>>) key) : r.get(key));
            }
        }
    }

    /** As set, else the key's default (null where it is detected or derived). */
    @SuppressWarnings("unchecked")
    <T> T get(Key<T> key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException(key + " is not read with its section's values");
        }
        return (T) values.get(key);
    }
}
