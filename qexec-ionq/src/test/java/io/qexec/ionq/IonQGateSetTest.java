package io.qexec.ionq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qexec.circuit.Circuit;
import io.qexec.circuit.CircuitBuilder;
import io.qexec.circuit.StandardGate;
import io.qexec.remote.emulator.CircuitSampler;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IonQGateSetTest {

    @Test
    void gatesMapToQisNamesWithRotationsInRadians() throws Exception {
        Circuit c = Circuit.builder(3).h(0).sdg(1).tdg(2).sx(0).rx(0.25, 1).cx(0, 1).cz(1, 2).ccx(0, 1, 2)
                .swap(0, 2).rzz(0.5, 0, 1).build();
        JsonNode gates = new ObjectMapper().readTree(IonQGateSet.translate(c).gates().toString());
        assertThat(gates.toString()).isEqualTo("[{\"gate\":\"h\",\"target\":0},{\"gate\":\"si\",\"target\":1},"
                + "{\"gate\":\"ti\",\"target\":2},{\"gate\":\"v\",\"target\":0},{\"gate\":\"rx\",\"target\":1,\"rotation\":0.25},"
                + "{\"gate\":\"cnot\",\"target\":1,\"control\":0},{\"gate\":\"z\",\"target\":2,\"control\":1},"
                + "{\"gate\":\"cnot\",\"target\":2,\"controls\":[0,1]},{\"gate\":\"swap\",\"targets\":[0,2]},"
                + "{\"gate\":\"zz\",\"targets\":[0,1],\"rotation\":0.5}]");
    }

    /** Every library gate, translated to IonQ and read back, gives the same distribution, phases made visible by H layers. */
    @ParameterizedTest
    @EnumSource(StandardGate.class)
    void everyLibraryGateSurvivesTheRoundTrip(StandardGate gate) {
        int n = Math.max(gate.numQubits(), 1);
        double[] params = new double[gate.numParams()];
        for (int i = 0; i < params.length; i++) {
            params[i] = 0.37 + 0.61 * i;
        }
        int[] qubits = new int[gate.numQubits()];
        for (int i = 0; i < qubits.length; i++) {
            qubits[i] = qubits.length - 1 - i;
        }
        CircuitBuilder b = Circuit.builder(n, n);
        for (int q = 0; q < n; q++) {
            b.h(q).ry(0.3 + 0.2 * q, q).rz(0.9 - 0.1 * q, q);
        }
        b.gate(gate, params, qubits);
        for (int q = 0; q < n; q++) {
            b.h(q).rx(0.4, q);
        }
        Circuit original = b.measureAll().build();
        IonQGateSet.Translation t = IonQGateSet.translate(original);
        Circuit back = IonQGateSet.toCircuit(t.gates(), t.qubits());
        Map<String, Double> expected = CircuitSampler.probabilities(original);
        Map<String, Double> actual = CircuitSampler.probabilities(back);
        for (String key : expected.keySet()) {
            assertThat(actual.getOrDefault(key, 0.0)).as("P(%s) for %s", key, gate).isCloseTo(expected.get(key), within(1e-9));
        }
    }

    @Test
    void finalMeasurementsAreRecordedNotSent() {
        IonQGateSet.Translation t = IonQGateSet.translate(Circuit.builder(2, 1).x(1).measure(1, 0).build());
        assertThat(t.measured()).isTrue();
        assertThat(t.clbitOfQubit()).containsExactly(-1, 0);
        assertThat(t.gates().toString()).doesNotContain("measure");
    }

    @Test
    void whatIonQCannotRunIsRejectedByName() {
        assertThatThrownBy(() -> IonQGateSet.translate(Circuit.builder(1, 1).measure(0, 0).x(0).build()))
                .hasMessageContaining("qubit 0 is used after its measurement");
        assertThatThrownBy(() -> IonQGateSet.translate(Circuit.builder(1, 1).x(0).reset(0).build()))
                .hasMessageContaining("reset");
        assertThatThrownBy(() -> IonQGateSet.translate(Circuit.builder(1).rx(io.qexec.circuit.Expr.symbol("theta"), 0).build()))
                .hasMessageContaining("unbound: theta");
    }

    @Test
    void theEmulatorSideRejectsUnknownGatesAndBadQubits() throws Exception {
        ObjectMapper m = new ObjectMapper();
        assertThatThrownBy(() -> IonQGateSet.toCircuit(m.readTree("[{\"gate\":\"foo\",\"target\":0}]"), 1))
                .hasMessageContaining("'foo' is not a supported qis gate");
        assertThatThrownBy(() -> IonQGateSet.toCircuit(m.readTree("[{\"gate\":\"x\",\"target\":3}]"), 2))
                .hasMessageContaining("qubit 3 is not in 0..1");
        assertThatThrownBy(() -> IonQGateSet.toCircuit(m.readTree("[{\"gate\":\"rx\",\"target\":0}]"), 1))
                .hasMessageContaining("needs a numeric rotation");
    }
}
