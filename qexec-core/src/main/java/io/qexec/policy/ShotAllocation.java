package io.qexec.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Whole-shot allocations that sum exactly to the requested total. */
final class ShotAllocation {
    private ShotAllocation() {
    }

    /** {@code shots} spread evenly over {@code n} slots: the first {@code shots % n} get one more. */
    static int[] even(int shots, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = shots / n + (i < shots % n ? 1 : 0);
        }
        return out;
    }

    /**
     * {@code shots} in proportion to non-negative weights, by largest remainder (ties go to the earlier slot).
     *
     * @throws IllegalArgumentException if the weights are negative, not finite, or all zero
     */
    static int[] proportional(int shots, double[] weights) {
        double total = 0;
        for (double w : weights) {
            if (w < 0 || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weights must be finite and non-negative, got " + w);
            }
            total += w;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        int[] out = new int[weights.length];
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double quota = shots * (weights[i] / total);
            out[i] = (int) Math.floor(quota);
            remainders[i] = quota - out[i];
            given += out[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -remainders[i]).thenComparingInt(i -> i));
        for (int k = 0; given < shots; k = (k + 1) % order.size()) {
            int i = order.get(k);
            if (weights[i] > 0) {
                out[i]++;
                given++;
            }
        }
        return out;
    }
}
