package io.qexec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AliasTableTest {

    @Property(tries = 50, seed = "5")
    void countsStayWithinFiveSigmaOfTheExactProbabilities(
            @ForAll @IntRange(min = 1, max = 300) int outcomes, @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] w = new double[outcomes];
        double total = 0;
        for (int i = 0; i < outcomes; i++) {
            // some exact zeros, some heavy entries
            w[i] = rnd.nextInt(4) == 0 ? 0 : Math.pow(rnd.nextDouble(), 3);
            total += w[i];
        }
        if (total == 0) {
            w[0] = 1;
            total = 1;
        }
        int shots = 20_000;
        int[] counts = AliasTable.of(w).sampleCounts(shots, new SplittableRandom(seed ^ 0x5DEECE66DL));
        int sum = 0;
        for (int i = 0; i < outcomes; i++) {
            double p = w[i] / total;
            double sigma = Math.sqrt(shots * p * (1 - p));
            assertThat((double) counts[i]).as("outcome %d, p=%f", i, p).isCloseTo(shots * p,
                    org.assertj.core.api.Assertions.within(5 * sigma + 1e-9));
            if (p == 0) {
                assertThat(counts[i]).isZero();
            }
            sum += counts[i];
        }
        assertThat(sum).isEqualTo(shots);
    }

    @Test
    void sameSeedSameDraws() {
        AliasTable t = AliasTable.of(new double[] {0.1, 0.2, 0.7});
        assertThat(t.sampleCounts(1000, new SplittableRandom(9))).isEqualTo(t.sampleCounts(1000, new SplittableRandom(9)));
    }

    @Test
    void rejectsDistributionsWithoutMass() {
        assertThatThrownBy(() -> AliasTable.of(new double[] {0, 0})).hasMessageContaining("zero");
        assertThatThrownBy(() -> AliasTable.of(new double[0])).hasMessageContaining("empty");
    }
}
