package io.eurekaagent.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sources in precedence order, highest first: the first one that has a key wins. */
final class LayeredSettings {
    private final List<ConfigSource> sources;

    LayeredSettings(List<ConfigSource> sources) {
        this.sources = List.copyOf(sources);
    }

    LayeredSettings withLowest(ConfigSource source) {
        List<ConfigSource> all = new ArrayList<>(sources);
        all.add(source);
        return new LayeredSettings(all);
    }

    /** The winning value of a key given in property form, or null. */
    Setting get(String key) {
        return getCanonical(RelaxedNames.canonicalKey(key));
    }

    /** The winning value of a key already in canonical form ({@link RelaxedNames#canonicalKey}), or null. */
    Setting getCanonical(String canonical) {
        for (ConfigSource source : sources) {
            Setting setting = source.get(canonical);
            if (setting != null) {
                return setting;
            }
        }
        return null;
    }

    /** Keys given twice within one source, each a line. */
    List<String> duplicates() {
        List<String> duplicates = new ArrayList<>();
        for (ConfigSource source : sources) {
            duplicates.addAll(source.duplicates());
        }
        return duplicates;
    }

    /** Every key set anywhere, canonical, with its winning value. */
    Map<String, Setting> all() {
        Map<String, Setting> all = new LinkedHashMap<>();
        for (ConfigSource source : sources) {
            source.putAll(all);
        }
        return all;
    }

    /** Likewise, leaving the environment out (names there are not the user's alone: {@link NetflixNames}). */
    Map<String, Setting> allButEnvironment() {
        Map<String, Setting> all = new LinkedHashMap<>();
        for (ConfigSource source : sources) {
            if (!source.isEnvironment()) {
                source.putAll(all);
            }
        }
        return all;
    }

    /** A map-valued key ({@code eureka.instance.metadata-map.*}): entries merged, higher sources winning. */
    Map<String, Setting> map(String prefix) {
        String canonical = RelaxedNames.canonicalKey(prefix);
        Map<String, Setting> merged = new LinkedHashMap<>();
        for (int i = sources.size() - 1; i >= 0; i--) {
            sources.get(i).putMapEntries(canonical, merged);
        }
        return merged;
    }
}
