package io.qexec.result;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Turning counts into probability distributions. */
final class Distributions {
    private Distributions() {
    }

    static SortedMap<String, Double> normalise(Map<String, ? extends Number> counts) {
        double total = 0;
        for (Number n : counts.values()) {
            total += n.doubleValue();
        }
        SortedMap<String, Double> p = new TreeMap<>();
        if (total <= 0) {
            return p;
        }
        for (Map.Entry<String, ? extends Number> e : counts.entrySet()) {
            p.put(e.getKey(), e.getValue().doubleValue() / total);
        }
        return p;
    }
}
