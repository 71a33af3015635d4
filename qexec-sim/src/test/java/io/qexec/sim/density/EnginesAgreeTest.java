package io.qexec.sim.density;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.CircuitBuilder;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import io.qexec.sim.stabilizer.StabilizerSimulator;
import io.qexec.sim.statevector.StatevectorSimulator;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The noise-free density matrix against the statevector and stabilizer engines on random Clifford circuits. */
class EnginesAgreeTest {
    private final DensityMatrixSimulator density = new DensityMatrixSimulator();
    private final StatevectorSimulator statevector = new StatevectorSimulator();
    private final StabilizerSimulator stabilizer = new StabilizerSimulator();

    static Circuit randomClifford(int n, int gates, long seed) {
        Random r = new Random(seed);
        CircuitBuilder b = Circuit.builder(n);
        for (int g = 0; g < gates; g++) {
            int q = r.nextInt(n);
            int p = (q + 1 + r.nextInt(Math.max(1, n - 1))) % n;
            switch (r.nextInt(n > 1 ? 10 : 7)) {
                case 0 -> b.h(q);
                case 1 -> b.s(q);
                case 2 -> b.sdg(q);
                case 3 -> b.x(q);
                case 4 -> b.y(q);
                case 5 -> b.z(q);
                case 6 -> b.sx(q);
                case 7 -> b.cx(q, p);
                case 8 -> b.cz(q, p);
                default -> b.swap(q, p);
            }
        }
        return b.measureAll().build();
    }

    @Property(seed = "314", tries = 25)
    void densityMatrixStatevectorAndStabilizerAgree(@ForAll @IntRange(min = 1, max = 5) int n,
                                                    @ForAll @IntRange(min = 0, max = 30) int gates,
                                                    @ForAll long seed) {
        Circuit c = randomClifford(n, gates, seed);
        int shots = 4000;
        SimulationOptions o = SimulationOptions.shots(shots).withSeed(seed);
        Map<String, Double> exact = density.run(c, o).probabilities();
        Map<String, Double> sv = statevector.run(c, o).probabilities();
        java.util.Set<String> outcomes = new java.util.TreeSet<>(exact.keySet());
        outcomes.addAll(sv.keySet());
        for (String k : outcomes) {
            assertThat(sv.getOrDefault(k, 0.0)).as(k).isCloseTo(exact.getOrDefault(k, 0.0), within(1e-10));
        }
        // a Clifford circuit's outcomes are uniform over their support: stabilizer counts within 5 sigma
        SimulationResult stab = stabilizer.run(c, o);
        assertThat(exact.keySet()).containsAll(stab.counts().keySet());
        exact.forEach((k, p) -> {
            double f = stab.counts().getOrDefault(k, 0L) / (double) shots;
            assertThat(f).as(k).isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / shots) + 1.0 / shots));
        });
    }
}
