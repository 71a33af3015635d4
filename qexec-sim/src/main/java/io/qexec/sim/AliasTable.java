package io.qexec.sim;

import java.util.random.RandomGenerator;

/**
 * Draws outcomes from a fixed discrete distribution in constant time per draw (Walker's alias
 * method, Vose's construction: linear time to build). Simulators build one from the final
 * distribution of a circuit whose measurements are all terminal and draw every shot from it.
 *
 * <p>Immutable and safe to share; each caller brings its own {@link RandomGenerator}, so a seeded
 * generator makes the draws reproducible.
 */
public final class AliasTable {
    private final double[] threshold;
    private final int[] alias;

    private AliasTable(double[] threshold, int[] alias) {
        this.threshold = threshold;
        this.alias = alias;
    }

    /**
     * Builds a table from non-negative weights (they need not sum to one; tiny negative values
     * from rounding count as zero).
     *
     * @param weights weight of each outcome, indexed by outcome
     * @return the table
     * @throws IllegalArgumentException when there are no weights or they sum to zero or are not finite
     */
    public static AliasTable of(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("cannot sample from an empty distribution");
        }
        double total = 0;
        for (double w : weights) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("weights must be finite");
            }
            total += Math.max(0, w);
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights sum to zero");
        }
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = Math.max(0, weights[i]) * n / total;
            if (scaled[i] < 1) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        double[] threshold = new double[n];
        int[] alias = new int[n];
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[nl - 1];
            threshold[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            if (scaled[l] < 1) {
                nl--;
                small[ns++] = l;
            }
        }
        // what is left is 1 up to rounding
        while (nl > 0) {
            int l = large[--nl];
            threshold[l] = 1;
            alias[l] = l;
        }
        while (ns > 0) {
            int s = small[--ns];
            threshold[s] = 1;
            alias[s] = s;
        }
        return new AliasTable(threshold, alias);
    }

    /** @return the number of outcomes */
    public int size() {
        return threshold.length;
    }

    /**
     * Draws one outcome.
     *
     * @param random the source of randomness
     * @return an outcome index in {@code [0, size())}
     */
    public int sample(RandomGenerator random) {
        double u = random.nextDouble() * threshold.length;
        int i = (int) u;
        if (i >= threshold.length) {
            i = threshold.length - 1;
        }
        return u - i < threshold[i] ? i : alias[i];
    }

    /**
     * Draws {@code shots} outcomes and counts them.
     *
     * @param shots how many draws
     * @param random the source of randomness
     * @return the number of draws of each outcome, indexed by outcome
     */
    public int[] sampleCounts(int shots, RandomGenerator random) {
        int[] counts = new int[threshold.length];
        for (int s = 0; s < shots; s++) {
            counts[sample(random)]++;
        }
        return counts;
    }
}
