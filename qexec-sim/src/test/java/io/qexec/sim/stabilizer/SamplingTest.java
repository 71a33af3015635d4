package io.qexec.sim.stabilizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.qexec.circuit.Circuit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Sampled counts against the exact distribution, for the frame sampler and for per-shot tableau runs,
 * with a bound of five binomial standard deviations per outcome (fixed seeds, so the result is stable).
 * Outcomes of probability zero must never appear.
 */
class SamplingTest {
    private static final int SHOTS = 3000;

    @Property(tries = 60, seed = "31")
    void frameSamplingMatchesTheExactDistribution(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int n,
                                                  @ForAll @IntRange(min = 0, max = 40) int gates) {
        Circuit c = RandomCircuits.random(seed, n, gates, RandomCircuits.Kind.PAULI_FEEDBACK);
        Program program = CircuitTranslator.translate(c);
        assertThat(program.frameSampleable()).isTrue();
        ShotBits shots = FrameSampler.sample(program, SHOTS, new SplittableRandom(seed));
        assertClose(counts(c, shots), ExactDistribution.dense(c), SHOTS);
    }

    @Property(tries = 40, seed = "32")
    void perShotSamplingMatchesTheExactDistribution(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int n,
                                                    @ForAll @IntRange(min = 0, max = 40) int gates) {
        Circuit c = RandomCircuits.random(seed, n, gates, RandomCircuits.Kind.ANY_FEEDBACK);
        Program program = CircuitTranslator.translate(c);
        ShotBits shots = StabilizerSimulator.sample(program, SHOTS, new SplittableRandom(seed));
        assertClose(counts(c, shots), ExactDistribution.dense(c), SHOTS);
    }

    @Property(tries = 40, seed = "33")
    void frameAndPerShotSamplingAgree(@ForAll long seed, @ForAll @IntRange(min = 2, max = 6) int n,
                                      @ForAll @IntRange(min = 0, max = 60) int gates) {
        Circuit c = RandomCircuits.random(seed, n, gates, RandomCircuits.Kind.PAULI_FEEDBACK);
        Program program = CircuitTranslator.translate(c);
        Map<String, Long> frames = counts(c, FrameSampler.sample(program, SHOTS, new SplittableRandom(seed)));
        ShotBits perShot = new ShotBits(program.numClbits(), SHOTS);
        SplittableRandom rng = new SplittableRandom(seed + 1);
        for (int s = 0; s < SHOTS; s++) {
            perShot.setShot(s, TableauRunner.runShot(program, rng));
        }
        Map<String, Long> tableau = counts(c, perShot);
        Set<String> keys = new HashSet<>(frames.keySet());
        keys.addAll(tableau.keySet());
        for (String k : keys) {
            double f1 = frames.getOrDefault(k, 0L) / (double) SHOTS;
            double f2 = tableau.getOrDefault(k, 0L) / (double) SHOTS;
            double p = (f1 + f2) / 2;
            // two-sample difference of proportions, five standard deviations, plus one count of slack
            double bound = 5 * Math.sqrt(2 * p * (1 - p) / SHOTS) + 1.0 / SHOTS;
            assertThat(Math.abs(f1 - f2)).as("outcome %s", k).isLessThanOrEqualTo(bound);
        }
    }

    static Map<String, Long> counts(Circuit c, ShotBits shots) {
        Map<String, Long> counts = new HashMap<>();
        boolean[] bits = new boolean[shots.clbits()];
        for (int s = 0; s < shots.shots(); s++) {
            for (int b = 0; b < bits.length; b++) {
                bits[b] = shots.get(b, s);
            }
            counts.merge(ExactDistribution.format(c, bits), 1L, Long::sum);
        }
        return counts;
    }

    static void assertClose(Map<String, Long> counts, Map<String, Double> exact, int shots) {
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            assertThat(exact.getOrDefault(e.getKey(), 0.0)).as("probability of sampled outcome %s", e.getKey())
                    .isGreaterThan(1e-9);
        }
        for (Map.Entry<String, Double> e : exact.entrySet()) {
            double p = Math.min(1.0, Math.max(0.0, e.getValue()));
            double expected = shots * p;
            double bound = 5 * Math.sqrt(shots * p * (1 - p)) + 1;
            assertThat((double) counts.getOrDefault(e.getKey(), 0L)).as("count of %s (p = %s)", e.getKey(), p)
                    .isBetween(expected - bound, expected + bound);
        }
    }
}
