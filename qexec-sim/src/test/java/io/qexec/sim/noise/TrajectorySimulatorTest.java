package io.qexec.sim.noise;

import static org.assertj.core.api.Assertions.assertThat;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.Condition;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import io.qexec.sim.density.DensityMatrixSimulator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrajectorySimulatorTest {
    private final TrajectorySimulator trajectories = new TrajectorySimulator();
    private final DensityMatrixSimulator density = new DensityMatrixSimulator();

    /** Strong noise of every kind, so that disagreements would show. */
    private static final NoiseModel NOISE = NoiseModel.builder()
            .addDefaultError(1, KrausChannel.depolarizing(0.05))
            .addDefaultError(1, KrausChannel.thermalRelaxation(20e-6, 15e-6, 2e-6))
            .addDefaultError(2, KrausChannel.depolarizing(2, 0.08))
            .addDefaultError(2, KrausChannel.amplitudeDamping(0.04))
            .addGateError(KrausChannel.phaseDamping(0.2), "t")
            .defaultReadoutError(new ReadoutError(0.02, 0.05))
            .build();

    /**
     * Every outcome's trajectory frequency within 5 binomial standard deviations (for N shots) of the exact
     * density-matrix probability; a broken channel sampler moves some outcome by far more at 20 000 shots.
     */
    private static void assertAgree(Map<String, Long> counts, Map<String, Double> exact, int shots) {
        for (Map.Entry<String, Double> e : exact.entrySet()) {
            double f = counts.getOrDefault(e.getKey(), 0L) / (double) shots;
            double sigma = Math.sqrt(e.getValue() * (1 - e.getValue()) / shots);
            assertThat(f).as("frequency of %s", e.getKey())
                    .isCloseTo(e.getValue(), org.assertj.core.api.Assertions.within(5 * sigma + 1.0 / shots));
        }
        assertThat(exact.keySet()).containsAll(counts.keySet());
    }

    @Test
    void trajectoriesAgreeWithTheDensityMatrixOnANoisyCircuit() {
        Circuit c = Circuit.builder(3).h(0).t(0).cx(0, 1).ry(1.1, 2).cx(1, 2).t(2).h(1).measureAll().build();
        int shots = 20_000;
        SimulationOptions o = SimulationOptions.shots(shots).withSeed(2024).withNoise(NOISE);
        SimulationResult exact = density.run(c, o);
        SimulationResult sampled = trajectories.run(c, o);
        assertThat(sampled.method()).isEqualTo("trajectories");
        assertThat(sampled.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(shots);
        assertAgree(sampled.counts(), exact.probabilities(), shots);
    }

    @Test
    void trajectoriesAgreeWithTheDensityMatrixOnADynamicCircuit() {
        Circuit c = Circuit.builder(2, 3).h(0).cx(0, 1).measure(0, 0)
                .ifThen(Condition.bit(0, true), b -> b.x(1))
                .reset(0).h(0).measure(0, 1).measure(1, 2).build();
        int shots = 20_000;
        SimulationOptions o = SimulationOptions.shots(shots).withSeed(99).withNoise(NOISE);
        assertAgree(trajectories.run(c, o).counts(), density.run(c, o).probabilities(), shots);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Circuit c = Circuit.builder(3).h(0).cx(0, 1).cx(1, 2).measureAll().build();
        SimulationOptions o = SimulationOptions.shots(2000).withSeed(5).withMemory(true).withNoise(NOISE);
        assertThat(trajectories.run(c, o.withThreads(1)).memory()).isEqualTo(trajectories.run(c, o.withThreads(2)).memory());
    }

    @Test
    void aFewQubitsOfTheLargestDeviceAreCheapToSimulate() {
        DeviceProfile forte = DeviceProfiles.byName("fake_forte").orElseThrow();
        Circuit c = Circuit.builder(forte.numQubits(), 3).h(0).cx(0, 17).cx(17, 35)
                .measure(0, 0).measure(17, 1).measure(35, 2).build();
        SimulationResult r = trajectories.run(c, SimulationOptions.shots(4000).withSeed(3).withNoise(forte.toNoiseModel()));
        long ghz = r.counts().getOrDefault("000", 0L) + r.counts().getOrDefault("111", 0L);
        // two noisy cx, three readouts: the GHZ outcomes keep well over 95% of the shots
        assertThat(ghz).isGreaterThan(3800);
        assertThat(r.counts().size()).isGreaterThan(2);
    }

    @Test
    void withoutChannelsOneSimulationServesEveryShot() {
        Circuit c = Circuit.builder(2).x(0).measureAll().build();
        NoiseModel readoutOnly = NoiseModel.builder().defaultReadoutError(ReadoutError.symmetric(0.1)).build();
        SimulationResult r = trajectories.run(c, SimulationOptions.shots(10_000).withSeed(8).withNoise(readoutOnly));
        assertAgree(r.counts(), Map.of("01", 0.81, "00", 0.09, "11", 0.09, "10", 0.01), 10_000);
    }

    @Test
    void circuitsWithoutOperationsGiveAllZeros() {
        Circuit empty = Circuit.builder(3, 2).build();
        SimulationOptions o = SimulationOptions.shots(7).withSeed(1).withNoise(NOISE);
        assertThat(trajectories.run(empty, o).counts()).containsExactly(Map.entry("00", 7L));
        assertThat(density.run(empty, o).counts()).containsExactly(Map.entry("00", 7L));
        assertThat(density.run(empty, o).probabilities()).containsExactly(Map.entry("00", 1.0));
    }

    @Test
    void tooManyQubitsAreRefusedWithTheMemoryNeeded() {
        io.qexec.circuit.CircuitBuilder b = Circuit.builder(31);
        for (int q = 0; q < 31; q++) {
            b.h(q);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> trajectories.run(b.measureAll().build(), SimulationOptions.shots(1).withThreads(1)))
                .isInstanceOf(io.qexec.sim.InsufficientMemoryException.class)
                .hasMessageContaining("trajectories on 31 qubits need 32.0 GiB (1 state)");
    }
}
