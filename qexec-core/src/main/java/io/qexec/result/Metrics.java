package io.qexec.result;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Distances between outcome distributions. Every method accepts counts or probabilities (any non-negative
 * numbers keyed by bitstring) and normalises them first; a missing key counts as zero.
 */
public final class Metrics {
    private Metrics() {
    }

    /** Total variation distance: half the L1 distance, in [0, 1]. */
    public static double totalVariationDistance(Map<String, ? extends Number> p, Map<String, ? extends Number> q) {
        Map<String, Double> a = checked(p, "p");
        Map<String, Double> b = checked(q, "q");
        double sum = 0;
        for (String k : union(a, b)) {
            sum += Math.abs(a.getOrDefault(k, 0.0) - b.getOrDefault(k, 0.0));
        }
        return sum / 2;
    }

    /** Hellinger fidelity: the squared Bhattacharyya coefficient, (Σ √(p·q))², in [0, 1]. */
    public static double hellingerFidelity(Map<String, ? extends Number> p, Map<String, ? extends Number> q) {
        double bc = bhattacharyya(checked(p, "p"), checked(q, "q"));
        return bc * bc;
    }

    /** Hellinger distance: √(1 − Σ √(p·q)), in [0, 1]. */
    public static double hellingerDistance(Map<String, ? extends Number> p, Map<String, ? extends Number> q) {
        double bc = bhattacharyya(checked(p, "p"), checked(q, "q"));
        return Math.sqrt(Math.max(0, 1 - bc));
    }

    /**
     * Kullback–Leibler divergence D(p ‖ q) in nats.
     *
     * @return {@link Double#POSITIVE_INFINITY} when p has an outcome that q gives probability zero
     */
    public static double klDivergence(Map<String, ? extends Number> p, Map<String, ? extends Number> q) {
        Map<String, Double> a = checked(p, "p");
        Map<String, Double> b = checked(q, "q");
        double sum = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            double pi = e.getValue();
            if (pi == 0) {
                continue;
            }
            double qi = b.getOrDefault(e.getKey(), 0.0);
            if (qi == 0) {
                return Double.POSITIVE_INFINITY;
            }
            sum += pi * Math.log(pi / qi);
        }
        return sum;
    }

    private static double bhattacharyya(Map<String, Double> a, Map<String, Double> b) {
        double bc = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            bc += Math.sqrt(e.getValue() * b.getOrDefault(e.getKey(), 0.0));
        }
        return Math.min(1, bc);
    }

    private static Map<String, Double> checked(Map<String, ? extends Number> d, String name) {
        for (Map.Entry<String, ? extends Number> e : d.entrySet()) {
            double v = e.getValue().doubleValue();
            if (v < 0 || Double.isNaN(v)) {
                throw new IllegalArgumentException(name + " has a negative or NaN weight for '" + e.getKey() + "': " + v);
            }
        }
        Map<String, Double> n = Distributions.normalise(d);
        if (n.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty or sums to zero");
        }
        return n;
    }

    private static Set<String> union(Map<String, Double> a, Map<String, Double> b) {
        Set<String> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
