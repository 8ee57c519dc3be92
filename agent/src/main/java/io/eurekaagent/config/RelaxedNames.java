package io.eurekaagent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Spring Boot's relaxed binding, which Eureka users already type: {@code lease-renewal-interval-in-seconds},
 * {@code leaseRenewalIntervalInSeconds} and env {@code EUREKA_INSTANCE_LEASERENEWALINTERVALINSECONDS} are one key.
 * A key is compared segment by segment, each lower-cased with dashes dropped.
 */
final class RelaxedNames {
    private RelaxedNames() {
    }

    /** The segments of a property-style key; {@code metadata-map[zone]} is {@code metadata-map.zone}. */
    static List<String> propertySegments(String key) {
        return split(key.replace('[', '.').replace("]", ""), '.');
    }

    /** The segments of an environment variable name: {@code _} separates, case does not count. */
    static List<String> envSegments(String name) {
        return split(name.toLowerCase(Locale.ROOT), '_');
    }

    static String canonical(String segment) {
        return segment.replace("-", "").toLowerCase(Locale.ROOT);
    }

    /**
     * {@code canonicalKey(propertySegments(key))} in one pass: the agent reads ~80 keys in premain, where every
     * string operation is still interpreted, and the split-and-join version cost milliseconds.
     */
    static String canonicalKey(String propertyKey) {
        StringBuilder key = new StringBuilder(propertyKey.length());
        boolean inSegment = false;
        int segments = 0;
        for (int i = 0; i < propertyKey.length(); i++) {
            char c = propertyKey.charAt(i);
            if (c == '.' || c == '[') {
                inSegment = false;
            } else if (c != ']') {
                if (!inSegment && segments++ > 0) {
                    key.append('.');
                }
                inSegment = true;
                if (c != '-') {
                    key.append(Character.toLowerCase(c));
                }
            }
        }
        return key.toString();
    }

    static String canonicalKey(List<String> segments) {
        StringBuilder key = new StringBuilder();
        for (String segment : segments) {
            key.append(key.length() == 0 ? "" : ".").append(canonical(segment));
        }
        return key.toString();
    }

    private static List<String> split(String key, char separator) {
        List<String> segments = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= key.length(); i++) {
            if (i == key.length() || key.charAt(i) == separator) {
                if (i > start) {
                    segments.add(key.substring(start, i));
                }
                start = i + 1;
            }
        }
        return segments;
    }
}
