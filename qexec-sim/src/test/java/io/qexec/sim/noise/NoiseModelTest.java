package io.qexec.sim.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoiseModelTest {
    private final KrausChannel dep1 = KrausChannel.depolarizing(0.01);
    private final KrausChannel dep2 = KrausChannel.depolarizing(2, 0.02);
    private final KrausChannel flip = KrausChannel.bitFlip(0.1);
    private final KrausChannel relax = KrausChannel.thermalRelaxation(1, 1, 0.01);

    @Test
    void lookupPrefersLocalThenNamedThenDefault() {
        NoiseModel m = NoiseModel.builder()
                .addDefaultError(1, dep1)
                .addDefaultError(2, dep2)
                .addDefaultError(2, relax)
                .addGateError(flip, "x")
                .addLocalGateError(relax, "x", 3)
                .noiseless("rz")
                .build();
        assertThat(m.errorsAfter("x", List.of(3))).containsExactly(new NoisyCircuit.Channel(relax, List.of(3)));
        assertThat(m.errorsAfter("x", List.of(0))).containsExactly(new NoisyCircuit.Channel(flip, List.of(0)));
        assertThat(m.errorsAfter("h", List.of(1))).containsExactly(new NoisyCircuit.Channel(dep1, List.of(1)));
        assertThat(m.errorsAfter("rz", List.of(1))).isEmpty();
        assertThat(m.errorsAfter("cx", List.of(4, 2))).containsExactly(
                new NoisyCircuit.Channel(dep2, List.of(4, 2)),
                new NoisyCircuit.Channel(relax, List.of(4)),
                new NoisyCircuit.Channel(relax, List.of(2)));
        assertThat(m.errorsAfter("ccx", List.of(0, 1, 2))).isEmpty();
        assertThat(m.isIdeal()).isFalse();
    }

    @Test
    void readoutErrorsArePerQubitWithADefault() {
        NoiseModel m = NoiseModel.builder().defaultReadoutError(ReadoutError.symmetric(0.01))
                .readoutError(2, new ReadoutError(0.1, 0.2)).build();
        assertThat(m.readoutError(0)).isEqualTo(ReadoutError.symmetric(0.01));
        assertThat(m.readoutError(2)).isEqualTo(new ReadoutError(0.1, 0.2));
        assertThat(NoiseModel.ideal().isIdeal()).isTrue();
        assertThat(NoiseModel.ideal().readoutError(5).isNone()).isTrue();
    }

    @Test
    void aChannelThatFitsNeitherTheGateNorOneQubitIsRefused() {
        assertThatThrownBy(() -> NoiseModel.builder().addDefaultError(1, dep2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot follow a gate on 1 qubit");
        NoiseModel m = NoiseModel.builder().addGateError(dep2, "h").build();
        assertThatThrownBy(() -> m.errorsAfter("h", List.of(0))).hasMessageContaining("cannot follow gate h");
    }
}
