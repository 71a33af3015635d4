package io.qexec.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.qexec.sim.noise.DeviceProfiles;
import io.qexec.sim.noise.NoiseModel;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SimulationOptionsTest {

    @Test
    void theFormerConstructorStillBuildsNoiselessOptions() {
        SimulationOptions o = new SimulationOptions(10, OptionalLong.of(3), true, false, 1);
        assertThat(o.noise()).isEmpty();
        assertThat(o.noiseModel().isIdeal()).isTrue();
    }

    @Test
    void noiseSurvivesTheOtherWithers() {
        NoiseModel aria = DeviceProfiles.FAKE_ARIA.toNoiseModel();
        SimulationOptions o = SimulationOptions.shots(5).withNoise(aria).withSeed(1).withMemory(true).withThreads(2)
                .withStatevector(false);
        assertThat(o.noiseModel()).isSameAs(aria);
        assertThat(o.withNoise(null).noise()).isEmpty();
        assertThat(o.withNoise(NoiseModel.ideal()).noise()).isEmpty();
    }
}
