package io.qexec.sim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.CircuitBuilder;
import io.qexec.sim.SimulationException;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import io.qexec.sim.noise.DeviceProfiles;
import io.qexec.sim.noise.NoiseModel;
import org.junit.jupiter.api.Test;

class DeviceSimulatorTest {
    private final DeviceSimulator aria = new DeviceSimulator(DeviceProfiles.FAKE_ARIA);

    @Test
    void smallCircuitsRunExactlyOnTheDensityMatrix() {
        Circuit bell = Circuit.builder(2).h(0).cx(0, 1).measureAll().build();
        SimulationResult r = aria.run(bell, SimulationOptions.shots(1000).withSeed(1));
        assertThat(r.method()).isEqualTo("density_matrix");
        // noise leaks a little probability into 01 and 10
        assertThat(r.probabilities().get("01")).isBetween(1e-4, 1e-2);
        assertThat(r.probabilities().get("00") + r.probabilities().get("11")).isBetween(0.98, 1.0);
        assertThat(aria.method()).isEqualTo("noisy:fake_aria");
    }

    @Test
    void widerCircuitsRunByTrajectories() {
        CircuitBuilder b = Circuit.builder(12).h(0);
        for (int q = 1; q < 12; q++) {
            b.cx(q - 1, q);
        }
        SimulationResult r = aria.run(b.measureAll().build(), SimulationOptions.shots(300).withSeed(2));
        assertThat(r.method()).isEqualTo("trajectories");
        long ghz = r.counts().getOrDefault("000000000000", 0L) + r.counts().getOrDefault("111111111111", 0L);
        assertThat(ghz).isGreaterThan(240);
    }

    @Test
    void circuitsWiderThanTheDeviceAreRefused() {
        Circuit wide = Circuit.builder(26).h(0).measureAll().build();
        assertThatThrownBy(() -> aria.run(wide, SimulationOptions.shots(1)))
                .isInstanceOf(SimulationException.class).hasMessageContaining("26 qubits, fake_aria has 25");
    }

    @Test
    void noiseInTheOptionsOverridesTheDevicesOwn() {
        Circuit x = Circuit.builder(1).x(0).measureAll().build();
        NoiseModel flip = NoiseModel.builder().addGateError(io.qexec.sim.noise.KrausChannel.bitFlip(0.5), "x").build();
        SimulationResult r = aria.run(x, SimulationOptions.shots(10).withSeed(3).withNoise(flip));
        assertThat(r.probabilities().get("0")).isEqualTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
    }
}
