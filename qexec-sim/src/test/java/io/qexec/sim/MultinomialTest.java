package io.qexec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MultinomialTest {

    /** Each count within 5 standard deviations of its expectation (plus one for tiny expectations). */
    private static void assertMatches(int[] counts, double[] weights, int shots) {
        double total = Arrays.stream(weights).filter(w -> w > 0).sum();
        assertThat(Arrays.stream(counts).asLongStream().sum()).isEqualTo(shots);
        for (int i = 0; i < weights.length; i++) {
            double p = Math.max(0, weights[i]) / total;
            double mean = shots * p;
            double bound = 5 * Math.sqrt(shots * p * (1 - p)) + 1;
            assertThat((double) counts[i]).as("outcome %d, p = %f", i, p).isBetween(mean - bound, mean + bound);
            if (p == 0) {
                assertThat(counts[i]).as("outcome %d has probability 0", i).isZero();
            }
        }
    }

    private static double[] randomWeights(int n, SplittableRandom rnd) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = rnd.nextInt(5) == 0 ? 0 : rnd.nextDouble();
        }
        w[rnd.nextInt(n)] = 0.5;
        return w;
    }

    @Test
    void countsFollowTheDistribution() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int n : new int[] {1, 2, 7, 64, 1024}) {
            double[] w = randomWeights(n, rnd);
            int shots = 100_000;
            assertMatches(Multinomial.counts(w, shots, new SplittableRandom(n)), w, shots);
        }
    }

    @Test
    void agreesWithTheAliasTableInDistribution() {
        double[] w = randomWeights(256, new SplittableRandom(5));
        int shots = 200_000;
        int[] direct = Multinomial.counts(w, shots, new SplittableRandom(1));
        int[] alias = AliasTable.of(w).sampleCounts(shots, new SplittableRandom(2));
        assertMatches(direct, w, shots);
        assertMatches(alias, w, shots);
        // the two samples against each other: each difference within 5 sigma of a difference of two counts
        double total = Arrays.stream(w).sum();
        for (int i = 0; i < w.length; i++) {
            double p = w[i] / total;
            double bound = 5 * Math.sqrt(2 * shots * p * (1 - p)) + 1;
            assertThat((double) Math.abs(direct[i] - alias[i])).as("outcome %d", i).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    void manyShotsAreDrawnInChunksThatAddUp() {
        double[] w = {0.1, 0, 0.6, 0.3};
        int shots = 2 * Multinomial.CHUNK + 7;
        assertMatches(Multinomial.counts(w, shots, new SplittableRandom(9)), w, shots);
    }

    @Test
    void degenerateDistributions() {
        assertThat(Multinomial.counts(new double[] {0, 0, 1, 0}, 1000, new SplittableRandom(1)))
                .containsExactly(0, 0, 1000, 0);
        assertThat(Multinomial.counts(new double[] {0.25, 0.75}, 0, new SplittableRandom(1))).containsExactly(0, 0);
        // weights that do not sum to one, and a rounding residue below zero
        double[] w = {0.3, 0.3, -1e-18, 0.3};
        int[] c = Multinomial.counts(w, 90_000, new SplittableRandom(4));
        assertMatches(c, w, 90_000);
        assertThat(c[2]).isZero();
    }

    @Test
    void theDrawnOutcomesAreTheNonZeroCountsInOrder() {
        double[] w = randomWeights(300, new SplittableRandom(12));
        for (int shots : new int[] {0, 1, 50, 20_000, Multinomial.CHUNK + 3}) {
            int[] dense = Multinomial.counts(w, shots, new SplittableRandom(77));
            Multinomial.Drawn drawn = Multinomial.draw(w, shots, new SplittableRandom(77));
            int[] expectedOutcomes = java.util.stream.IntStream.range(0, w.length).filter(x -> dense[x] > 0).toArray();
            assertThat(drawn.outcomes()).containsExactly(expectedOutcomes);
            assertThat(drawn.counts()).containsExactly(Arrays.stream(expectedOutcomes).map(x -> dense[x]).toArray());
        }
    }

    @Test
    void theSameSeedGivesTheSameCounts() {
        double[] w = randomWeights(100, new SplittableRandom(8));
        assertThat(Multinomial.counts(w, 5000, new SplittableRandom(42)))
                .containsExactly(Multinomial.counts(w, 5000, new SplittableRandom(42)));
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> Multinomial.counts(new double[0], 1, new SplittableRandom(1)))
                .hasMessageContaining("empty distribution");
        assertThatThrownBy(() -> Multinomial.counts(new double[] {0, 0}, 1, new SplittableRandom(1)))
                .hasMessageContaining("sum to zero");
        assertThatThrownBy(() -> Multinomial.counts(new double[] {Double.NaN}, 1, new SplittableRandom(1)))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> Multinomial.counts(new double[] {1}, -1, new SplittableRandom(1)))
                .hasMessageContaining("shots must not be negative");
    }
}
