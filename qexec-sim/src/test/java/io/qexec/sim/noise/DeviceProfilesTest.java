package io.qexec.sim.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceProfilesTest {

    @Test
    void theCatalogueHoldsTheAllToAllTrappedIonModels() {
        assertThat(DeviceProfiles.names()).containsExactly("fake_aria", "fake_forte", "fake_h1");
        assertThat(DeviceProfiles.byName("FAKE_ARIA").orElseThrow().numQubits()).isEqualTo(25);
        assertThat(DeviceProfiles.byName("fake_forte").orElseThrow().numQubits()).isEqualTo(36);
        assertThat(DeviceProfiles.byName("fake_h1").orElseThrow().numQubits()).isEqualTo(20);
        assertThat(DeviceProfiles.byName("fake_nothing")).isEmpty();
        assertThat(DeviceProfiles.all()).allMatch(DeviceProfile::isAllToAll).allMatch(d -> !d.source().isBlank());
    }

    /** The gate noise of each model, depolarizing then relaxation, has exactly the reported average infidelity. */
    @Test
    void noiseModelsReproduceTheReportedGateErrors() {
        for (DeviceProfile d : DeviceProfiles.all()) {
            NoiseModel m = d.toNoiseModel();
            KrausChannel one = compose(m.errorsAfter("sx", List.of(0)), 1);
            assertThat(1 - one.averageGateFidelity()).as(d.name() + " 1q").isCloseTo(d.oneQubitGateError(), within(1e-12));
            KrausChannel two = compose(m.errorsAfter("cx", List.of(0, 1)), 2);
            assertThat(1 - two.averageGateFidelity()).as(d.name() + " 2q").isCloseTo(d.twoQubitGateError(), within(1e-12));
            assertThat(m.errorsAfter("rz", List.of(3))).isEmpty();
            assertThat(m.readoutError(7)).isEqualTo(d.readoutError());
        }
    }

    /** The channels after a gate as one channel on {@code n} qubits (one-qubit channels lifted to their qubit). */
    private static KrausChannel compose(List<NoisyCircuit.Channel> channels, int n) {
        KrausChannel total = KrausChannel.identity(n);
        for (NoisyCircuit.Channel c : channels) {
            KrausChannel step = c.channel();
            if (step.numQubits() < n) {
                step = c.qubits().get(0) == 0 ? KrausChannel.identity(1).tensor(step) : step.tensor(KrausChannel.identity(1));
            }
            total = total.andThen(step);
        }
        return total;
    }

    @Test
    void relaxationWorseThanTheReportedErrorLeavesNoDepolarizing() {
        assertThat(DeviceProfile.depolarizingParameter(1, 1e-4, 1e-6, 1e-6, 1e-6)).isZero();
        assertThat(DeviceProfile.depolarizingParameter(1, 1e-3, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0))
                .isCloseTo(2e-3, within(1e-15));
        assertThat(DeviceProfile.depolarizingParameter(2, 3e-3, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0))
                .isCloseTo(4e-3, within(1e-15));
    }

    @Test
    void unphysicalProfilesAreRefused() {
        assertThatThrownBy(() -> new DeviceProfile("x", "", 2, List.of(), List.of(), 0.1, 0.1, 1, 3, 0, 0,
                ReadoutError.NONE, List.of(), "")).hasMessageContaining("T2 <= 2 T1");
        assertThatThrownBy(() -> new DeviceProfile("x", "", 2, List.of(), List.of(List.of(0, 2)), 0.1, 0.1, 1, 1, 0, 0,
                ReadoutError.NONE, List.of(), "")).hasMessageContaining("bad coupling");
    }
}
