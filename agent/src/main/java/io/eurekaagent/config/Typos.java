package io.eurekaagent.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The known key a mistyped one was meant to be: at most two edits away, compared in canonical form. */
final class Typos {
    private static final int MAX_EDITS = 2;

    private Typos() {
    }

    /**
     * @param segments the canonical key's segments; {@code spelled} the same as the user wrote them
     * @param known canonical key -> documented key; {@code knownMaps} likewise for map prefixes
     * @return the documented spelling of the closest known key (a map key with the user's rest), or null
     */
    static String closest(String key, List<String> segments, List<String> spelled, Map<String, String> known,
            Map<String, String> knownMaps) {
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (Map.Entry<String, String> candidate : known.entrySet()) {
            int distance = distance(key, candidate.getKey());
            if (distance < bestDistance) {
                best = candidate.getValue();
                bestDistance = distance;
            }
        }
        for (Map.Entry<String, String> map : knownMaps.entrySet()) {
            int depth = RelaxedNames.propertySegments(map.getKey()).size();
            if (segments.size() > depth) {
                int distance = distance(String.join(".", segments.subList(0, depth)), map.getKey());
                if (distance < bestDistance) {
                    best = map.getValue() + "." + String.join(".", spelled.subList(depth, spelled.size()));
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /**
     * The variable meant by an environment name that splits a key's part at its dashes
     * ({@code EUREKA_CLIENT_SERVICE_URL_DEFAULTZONE} for {@code EUREKA_CLIENT_SERVICEURL_DEFAULTZONE}): the parts
     * joined are those of a known key, or of a map's key and then its entry. Null when there is none.
     * @param segments the variable's name split at {@code _}, lower case
     */
    static String environmentSlip(List<String> segments) {
        String joined = String.join("", segments);
        for (Key<?> key : Catalog.all()) {
            String name = key.environmentName();
            String parts = name.replace("_", "").toLowerCase(Locale.ROOT);
            if (!key.isMap() && parts.equals(joined)) {
                return name + " (" + key.name() + ")";
            }
            int length = 0;
            for (int i = 0; key.isMap() && i < segments.size() - 1; i++) {
                length += segments.get(i).length();
                if (length == parts.length() && joined.startsWith(parts)) {
                    String entry = String.join("_", segments.subList(i + 1, segments.size()));
                    return name + "_" + entry.toUpperCase(Locale.ROOT) + " (" + key.name() + "." + entry + ")";
                }
            }
        }
        return null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
