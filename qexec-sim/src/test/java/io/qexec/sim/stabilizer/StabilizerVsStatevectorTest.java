package io.qexec.sim.stabilizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qexec.circuit.Circuit;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The stabilizer engine's exact outcome distribution (every measurement branch walked) against a dense
 * state vector built from each gate's unitary.
 */
class StabilizerVsStatevectorTest {

    @Property(tries = 300, seed = "20261123")
    void terminalCircuitsHaveTheSameDistribution(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int n,
                                                 @ForAll @IntRange(min = 0, max = 40) int gates) {
        Circuit c = RandomCircuits.random(seed, n, gates, RandomCircuits.Kind.TERMINAL);
        Map<String, Double> tableau = ExactDistribution.tableau(c);
        assertSame(tableau, ExactDistribution.dense(c));
        // a stabilizer state's outcomes are uniform over an affine subspace: 2^k outcomes, each 2^-k
        int support = tableau.size();
        assertThat(Integer.bitCount(support)).isEqualTo(1);
        tableau.values().forEach(p -> assertThat(p).isCloseTo(1.0 / support, within(1e-12)));
    }

    @Property(tries = 200, seed = "11")
    void circuitsWithPauliFeedbackHaveTheSameDistribution(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int n,
                                                          @ForAll @IntRange(min = 0, max = 40) int gates) {
        Circuit c = RandomCircuits.random(seed, n, gates, RandomCircuits.Kind.PAULI_FEEDBACK);
        assertSame(ExactDistribution.tableau(c), ExactDistribution.dense(c));
    }

    @Property(tries = 200, seed = "12")
    void circuitsWithAnyFeedbackHaveTheSameDistribution(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int n,
                                                        @ForAll @IntRange(min = 0, max = 40) int gates) {
        Circuit c = RandomCircuits.random(seed, n, gates, RandomCircuits.Kind.ANY_FEEDBACK);
        assertSame(ExactDistribution.tableau(c), ExactDistribution.dense(c));
    }

    private static void assertSame(Map<String, Double> tableau, Map<String, Double> dense) {
        assertThat(tableau.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
        Map<String, Double> denseSupport = new java.util.TreeMap<>();
        dense.forEach((k, v) -> {
            if (v > 1e-9) {
                denseSupport.put(k, v);
            }
        });
        assertThat(new java.util.TreeMap<>(tableau).keySet()).isEqualTo(denseSupport.keySet());
        tableau.forEach((k, v) -> assertThat(v).as(k).isCloseTo(denseSupport.get(k), within(1e-9)));
    }
}
