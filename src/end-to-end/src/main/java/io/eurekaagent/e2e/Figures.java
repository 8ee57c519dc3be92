package io.eurekaagent.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A benchmark's figures: each value of each run, reported as the median and all runs, in the order recorded. */
final class Figures {
    private final Map<String, List<Double>> values = new LinkedHashMap<>();

    void record(String figure, double value) {
        values.computeIfAbsent(figure, key -> new ArrayList<>()).add(value);
    }

    /** The median of a figure's runs, or NaN when it has none. */
    double median(String figure) {
        List<Double> sorted = new ArrayList<>(values.getOrDefault(figure, List.of()));
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    void print() {
        System.out.println();
        System.out.printf("%-80s %10s   %s%n", "figure", "median", "all runs");
        values.forEach((figure, runs) -> {
            StringBuilder all = new StringBuilder();
            runs.forEach(value -> all.append(String.format("%.1f ", value)));
            System.out.printf("%-80s %10.1f   %s%n", figure, median(figure), all.toString().trim());
        });
    }
}
