package io.qexec.sim;

import java.util.random.RandomGenerator;

/**
 * Draws how many of {@code shots} independent draws from a discrete distribution land on each outcome,
 * without drawing the shots one by one into a table: the sorted positions of the shots in [0, 1) are made
 * from running sums of exponential variates (normalised partial sums of {@code m + 1} exponentials are the
 * order statistics of {@code m} uniforms), and one walk along the cumulative distribution counts them. The cost
 * is one logarithm per shot plus one pass over the outcomes, with sequential memory access only; Walker's
 * alias table ({@link AliasTable}) needs a table as large as the distribution and a random access per shot.
 * Used when only counts are asked for; per-shot memory draws shots in order from an {@link AliasTable}.
 *
 * <p>Shots are drawn in chunks of at most {@value #CHUNK} (counts of independent chunks add up), so memory
 * stays bounded for any shot count. The counts are a deterministic function of the generator's output.
 */
public final class Multinomial {
    /** Shots per chunk: 8 MiB of running sums. */
    static final int CHUNK = 1 << 20;

    private Multinomial() {
    }

    /**
     * Draws the counts.
     *
     * @param weights weight of each outcome, indexed by outcome (need not sum to one; tiny negative values from
     *     rounding count as zero)
     * @param shots how many draws, at least 0
     * @param random the source of randomness
     * @return the number of draws of each outcome, indexed by outcome; they sum to {@code shots}
     * @throws IllegalArgumentException when there are no weights, they sum to zero or are not finite, or
     *     {@code shots} is negative
     */
    public static int[] counts(double[] weights, int shots, RandomGenerator random) {
        return drawn(weights, shots, random).counts;
    }

    /**
     * The outcomes drawn at least once, in increasing order, with their counts: the same draw as
     * {@link #counts(double[], int, RandomGenerator)}, without a pass over every outcome to find the drawn ones.
     *
     * @param outcomes the outcomes drawn, increasing
     * @param counts how often each was drawn
     */
    public record Drawn(int[] outcomes, int[] counts) {
    }

    /**
     * Draws the counts and lists the outcomes drawn.
     *
     * @throws IllegalArgumentException as {@link #counts(double[], int, RandomGenerator)}
     */
    public static Drawn draw(double[] weights, int shots, RandomGenerator random) {
        Dense d = drawn(weights, shots, random);
        int[] outcomes = java.util.Arrays.copyOf(d.touched, d.distinct);
        java.util.Arrays.sort(outcomes); // already increasing unless there were several chunks
        int[] counts = new int[outcomes.length];
        for (int i = 0; i < outcomes.length; i++) {
            counts[i] = d.counts[outcomes[i]];
        }
        return new Drawn(outcomes, counts);
    }

    /** Dense counts and the outcomes first drawn, in the order they were first drawn. */
    private static final class Dense {
        final int[] counts;
        int[] touched = new int[16];
        int distinct;

        Dense(int outcomes) {
            counts = new int[outcomes];
        }

        void add(int outcome) {
            if (counts[outcome]++ == 0) {
                if (distinct == touched.length) {
                    touched = java.util.Arrays.copyOf(touched, distinct * 2);
                }
                touched[distinct++] = outcome;
            }
        }
    }

    private static Dense drawn(double[] weights, int shots, RandomGenerator random) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("cannot sample from an empty distribution");
        }
        if (shots < 0) {
            throw new IllegalArgumentException("shots must not be negative, was " + shots);
        }
        double total = 0;
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("weights must be finite");
            }
            if (w > 0) {
                total += w;
                last = i;
            }
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights sum to zero");
        }
        Dense counts = new Dense(weights.length);
        double[] sums = new double[Math.min(shots, CHUNK) + 1];
        for (int done = 0; done < shots; ) {
            int m = Math.min(CHUNK, shots - done);
            chunk(weights, total, last, m, sums, counts, random);
            done += m;
        }
        return counts;
    }

    private static void chunk(double[] weights, double total, int last, int m, double[] sums, Dense counts,
            RandomGenerator random) {
        double acc = 0;
        for (int k = 0; k <= m; k++) {
            acc -= Math.log(1 - random.nextDouble()); // an exponential variate; 1 - u is in (0, 1]
            sums[k] = acc;
        }
        // shot k sits at sums[k] / sums[m] of the way through the distribution, in increasing order
        double scale = total / sums[m];
        int i = 0;
        double cumulative = Math.max(0, weights[0]);
        for (int k = 0; k < m; k++) {
            double position = sums[k] * scale;
            while (i < last && position >= cumulative) {
                i++;
                cumulative += Math.max(0, weights[i]);
            }
            counts.add(i);
        }
    }
}
