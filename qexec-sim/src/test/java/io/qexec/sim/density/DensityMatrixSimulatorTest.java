package io.qexec.sim.density;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.CircuitBuilder;
import io.qexec.circuit.Condition;
import io.qexec.circuit.StandardGate;
import io.qexec.sim.SimulationException;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import io.qexec.sim.noise.KrausChannel;
import io.qexec.sim.noise.NoiseModel;
import io.qexec.sim.noise.NoisyCircuit;
import io.qexec.sim.noise.ReadoutError;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DensityMatrixSimulatorTest {
    private final DensityMatrixSimulator sim = new DensityMatrixSimulator();

    /** A random circuit of library gates (one-, two- and three-qubit, with random angles). */
    static Circuit randomCircuit(int n, int gates, long seed) {
        Random r = new Random(seed);
        CircuitBuilder b = Circuit.builder(n);
        StandardGate[] pool = {StandardGate.H, StandardGate.X, StandardGate.Y, StandardGate.S, StandardGate.T,
            StandardGate.SX, StandardGate.RX, StandardGate.RY, StandardGate.RZ, StandardGate.U, StandardGate.CX,
            StandardGate.CZ, StandardGate.SWAP, StandardGate.CRX, StandardGate.RZZ, StandardGate.ISWAP, StandardGate.ECR,
            StandardGate.CP, StandardGate.CCX, StandardGate.CU};
        for (int g = 0; g < gates; g++) {
            StandardGate gate = pool[r.nextInt(pool.length)];
            if (gate.numQubits() > n) {
                continue;
            }
            int[] qs = r.ints(0, n).distinct().limit(gate.numQubits()).toArray();
            double[] params = r.doubles(gate.numParams(), -Math.PI, Math.PI).toArray();
            b.gate(gate, params, qs);
        }
        return b.build();
    }

    @Property(seed = "42", tries = 60)
    void noiseFreeDensityMatrixIsTheOuterProductOfTheExactState(@ForAll @IntRange(min = 1, max = 5) int n,
                                                                @ForAll @IntRange(min = 0, max = 40) int gates,
                                                                @ForAll long seed) {
        Circuit c = randomCircuit(n, gates, seed);
        double[][] psi = ExactStatevector.of(c);
        // an unused-qubit-free circuit: make every qubit used so that indices match
        CircuitBuilder full = Circuit.builder(n);
        c.instructions().forEach(full::append);
        for (int q = 0; q < n; q++) {
            full.id(q);
        }
        DensityMatrix rho = DensityMatrixSimulator.evolve(NoisyCircuit.of(full.build(), NoiseModel.ideal()), seed % 2 == 0);
        int dim = 1 << n;
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b < dim; b++) {
                double er = psi[0][a] * psi[0][b] + psi[1][a] * psi[1][b];
                double ei = psi[1][a] * psi[0][b] - psi[0][a] * psi[1][b];
                assertThat(rho.re(a, b)).isCloseTo(er, within(1e-10));
                assertThat(rho.im(a, b)).isCloseTo(ei, within(1e-10));
            }
        }
    }

    @Test
    void bitOrderIsQiskits() {
        Circuit c = Circuit.builder(2, 2).x(0).measure(0, 0).measure(1, 1).build();
        SimulationResult r = sim.run(c, SimulationOptions.shots(10).withSeed(1));
        assertThat(r.counts()).containsExactly(Map.entry("01", 10L));
        assertThat(r.method()).isEqualTo("density_matrix");
    }

    @Test
    void channelsGiveTheirExactOutcomeProbabilities() {
        NoiseModel flip = NoiseModel.builder().addGateError(KrausChannel.bitFlip(0.1), "id").build();
        Circuit idle = Circuit.builder(1, 1).id(0).measure(0, 0).build();
        assertThat(run(idle, flip).probabilities().get("1")).isCloseTo(0.1, within(1e-14));

        NoiseModel damp = NoiseModel.builder().addGateError(KrausChannel.amplitudeDamping(0.3), "x").build();
        Circuit excite = Circuit.builder(1, 1).x(0).measure(0, 0).build();
        assertThat(run(excite, damp).probabilities().get("0")).isCloseTo(0.3, within(1e-14));

        NoiseModel dep = NoiseModel.builder().addDefaultError(2, KrausChannel.depolarizing(2, 0.2)).build();
        Circuit bell = Circuit.builder(2).h(0).cx(0, 1).measureAll().build();
        Map<String, Double> p = run(bell, dep).probabilities();
        // (1-p) Bell + p I/4
        assertThat(p.get("00")).isCloseTo(0.8 * 0.5 + 0.05, within(1e-14));
        assertThat(p.get("01")).isCloseTo(0.05, within(1e-14));

        NoiseModel readout = NoiseModel.builder().readoutError(1, new ReadoutError(0.02, 0.1)).build();
        Circuit ones = Circuit.builder(2).x(1).measureAll().build();
        Map<String, Double> q = run(ones, readout).probabilities();
        assertThat(q.get("10")).isCloseTo(0.9, within(1e-14));
        assertThat(q.get("00")).isCloseTo(0.1, within(1e-14));
    }

    @Test
    void sampledCountsFollowTheExactProbabilities() {
        NoiseModel noise = NoiseModel.builder()
                .addDefaultError(1, KrausChannel.thermalRelaxation(50e-6, 40e-6, 5e-6))
                .addDefaultError(2, KrausChannel.depolarizing(2, 0.05))
                .defaultReadoutError(ReadoutError.symmetric(0.02)).build();
        Circuit c = Circuit.builder(3).h(0).cx(0, 1).ry(0.7, 2).cx(1, 2).measureAll().build();
        int shots = 40_000;
        SimulationResult r = sim.run(c, SimulationOptions.shots(shots).withSeed(7).withNoise(noise));
        assertThat(r.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-12));
        assertWithinShotNoise(r.counts(), r.probabilities(), shots);
    }

    /** Every outcome's frequency within 5 standard deviations of its probability (binomial, N shots). */
    static void assertWithinShotNoise(Map<String, Long> counts, Map<String, Double> p, int shots) {
        for (Map.Entry<String, Double> e : p.entrySet()) {
            double f = counts.getOrDefault(e.getKey(), 0L) / (double) shots;
            double sigma = Math.sqrt(e.getValue() * (1 - e.getValue()) / shots);
            assertThat(f).as("frequency of %s", e.getKey()).isCloseTo(e.getValue(), within(5 * sigma + 1.0 / shots));
        }
        assertThat(p.keySet()).containsAll(counts.keySet());
    }

    @Test
    void midCircuitMeasurementAndConditionsAreTrackedExactly() {
        // measure |+>, flip back to |0> when 1: the second measurement always reads 0
        Circuit c = Circuit.builder(1, 2).h(0).measure(0, 0)
                .ifThen(Condition.bit(0, true), b -> b.x(0)).measure(0, 1).build();
        SimulationResult r = sim.run(c, SimulationOptions.shots(1000).withSeed(3));
        assertThat(r.probabilities()).hasSize(2);
        assertThat(r.probabilities().get("00")).isCloseTo(0.5, within(1e-14));
        assertThat(r.probabilities().get("01")).isCloseTo(0.5, within(1e-14));

        // a misread first bit sends the condition the wrong way
        NoiseModel noise = NoiseModel.builder().readoutError(0, ReadoutError.symmetric(0.1)).build();
        SimulationResult n = sim.run(c, SimulationOptions.shots(1000).withSeed(3).withNoise(noise));
        // both measurements of qubit 0 are misread with probability 0.1; a misread c0 also misdirects the x.
        // c1 c0 = 01: (true 1, read 1, x, read 0) 0.5*0.9*0.9 + (true 0, misread 1, x -> 1, misread 0) 0.5*0.1*0.1
        assertThat(n.probabilities().get("01")).isCloseTo(0.41, within(1e-14));
        assertThat(n.probabilities().get("00")).isCloseTo(0.41, within(1e-14));
        // c1 c0 = 11: (true 0, misread 1, x -> 1, read 1) 0.045 + (true 1, read 1, x -> 0, misread 1) 0.045
        assertThat(n.probabilities().get("11")).isCloseTo(0.09, within(1e-14));
        assertThat(n.probabilities().get("10")).isCloseTo(0.09, within(1e-14));
    }

    @Test
    void resetAndWhileLoopsRunToCompletion() {
        // repeat h; measure until the bit reads 1
        Circuit c = Circuit.builder(1, 1)
                .whileLoop(Condition.bit(0, false), b -> b.reset(0).h(0).measure(0, 0)).build();
        SimulationResult r = sim.run(c, SimulationOptions.shots(100).withSeed(5));
        assertThat(r.probabilities().get("1")).isCloseTo(1, within(1e-12));
        assertThat(r.counts()).containsExactly(Map.entry("1", 100L));
    }

    @Test
    void onlyTheQubitsInUseAreSimulated() {
        Circuit c = Circuit.builder(36, 2).x(30).cx(30, 3).measure(3, 0).measure(30, 1).build();
        SimulationResult r = sim.run(c, SimulationOptions.shots(5).withSeed(1));
        assertThat(r.counts()).containsExactly(Map.entry("11", 5L));
    }

    @Test
    void tooManyQubitsAreRefusedWithTheMemoryNeeded() {
        CircuitBuilder b = Circuit.builder(15);
        for (int q = 0; q < 15; q++) {
            b.h(q);
        }
        assertThatThrownBy(() -> sim.run(b.measureAll().build(), SimulationOptions.shots(1)))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("density matrix of 15 qubits needs 16 GiB")
                .hasMessageContaining("use method=statevector with noise (trajectories) or fewer qubits");
    }

    @Test
    void aSeedMakesRunsRepeatable() {
        CircuitBuilder b = Circuit.builder(3);
        randomCircuit(3, 20, 9).instructions().forEach(b::append);
        Circuit m = b.measureAll().build();
        SimulationOptions o = SimulationOptions.shots(500).withSeed(11).withMemory(true)
                .withNoise(NoiseModel.builder().addDefaultError(1, KrausChannel.depolarizing(0.05)).build());
        assertThat(sim.run(m, o).memory()).isEqualTo(sim.run(m, o).memory());
    }

    private SimulationResult run(Circuit c, NoiseModel noise) {
        return sim.run(c, SimulationOptions.shots(100).withSeed(1).withNoise(noise));
    }
}
