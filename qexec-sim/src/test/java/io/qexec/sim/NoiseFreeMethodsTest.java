package io.qexec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qexec.circuit.Circuit;
import io.qexec.sim.noise.DeviceProfiles;
import io.qexec.sim.noise.NoiseModel;
import io.qexec.sim.stabilizer.StabilizerSimulator;
import io.qexec.sim.statevector.StatevectorSimulator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ideal-only engines refuse a noise model instead of silently ignoring it. */
class NoiseFreeMethodsTest {
    private static final Circuit BELL = Circuit.builder(2).h(0).cx(0, 1).measureAll().build();

    @Test
    void idealEnginesRefuseANoiseModelAndAcceptTheIdealOne() {
        NoiseModel noisy = DeviceProfiles.byName("fake_aria").orElseThrow().toNoiseModel();
        for (Simulator s : List.of(new StatevectorSimulator(), new StabilizerSimulator())) {
            assertThatThrownBy(() -> s.run(BELL, SimulationOptions.shots(10).withNoise(noisy)))
                    .isInstanceOf(SimulationException.class)
                    .hasMessageContaining("the " + s.method() + " method simulates ideal circuits");
            SimulationResult ideal = s.run(BELL, SimulationOptions.shots(10).withSeed(1).withNoise(NoiseModel.ideal()));
            assertThat(ideal.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
        }
    }
}
