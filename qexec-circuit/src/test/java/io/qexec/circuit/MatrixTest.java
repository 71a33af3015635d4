package io.qexec.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatrixTest {
    @Test
    void globalPhaseComparisonAcceptsPhaseAndRejectsOtherMatrices() {
        Matrix x = StandardGate.X.matrix();
        assertThat(x.equalsUpToGlobalPhase(x.scale(0, 1), 1e-12)).isTrue();
        assertThat(x.equalsUpToGlobalPhase(StandardGate.Y.matrix(), 1e-12)).isFalse();
        assertThat(StandardGate.RZ.matrix(0.7).equalsUpToGlobalPhase(StandardGate.P.matrix(0.7), 1e-12)).isTrue();
        assertThat(StandardGate.RZ.matrix(0.7).approximatelyEquals(StandardGate.P.matrix(0.7), 1e-12)).isFalse();
    }

    @Test
    void tensorPutsTheArgumentOnTheLowBits() {
        // X on qubit 0 (low) of two qubits: |00> -> |01> (index 1)
        Matrix xOnLow = Matrix.identity(2).tensor(StandardGate.X.matrix());
        assertThat(xOnLow.re(1, 0)).isEqualTo(1.0);
    }

    @Test
    void powerAndAdjoint() {
        Matrix t = StandardGate.T.matrix();
        assertThat(t.power(8).approximatelyEquals(Matrix.identity(2), 1e-12)).isTrue();
        assertThat(t.power(-1).approximatelyEquals(StandardGate.TDG.matrix(), 1e-12)).isTrue();
    }
}
