package io.qexec.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class StandardGateTest {
    private static final double TOLERANCE = 1e-10;

    private static double[] randomParams(StandardGate gate, long seed) {
        Random random = new Random(seed);
        double[] params = new double[gate.numParams()];
        for (int i = 0; i < params.length; i++) {
            params[i] = (random.nextDouble() * 2 - 1) * 2 * Math.PI;
        }
        return params;
    }

    @ParameterizedTest
    @EnumSource(StandardGate.class)
    void matrixIsUnitaryOfTheRightSize(StandardGate gate) {
        for (long seed = 0; seed < 5; seed++) {
            Matrix m = gate.matrix(randomParams(gate, seed));
            assertThat(m.dimension()).isEqualTo(1 << gate.numQubits());
            assertThat(m.isUnitary(TOLERANCE)).as("%s unitary", gate).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(StandardGate.class)
    void matrixEqualsItsDefinitionInUAndCxUpToGlobalPhase(StandardGate gate) {
        if (gate == StandardGate.U || gate == StandardGate.CX || gate == StandardGate.GPHASE) {
            assertThat(gate.definition()).isEmpty();
            return;
        }
        for (long seed = 0; seed < 5; seed++) {
            double[] params = randomParams(gate, seed);
            Circuit one = Circuit.builder(gate.numQubits()).gate(gate, params, range(gate.numQubits())).build();
            Circuit lowered = one.decompose(op -> op.gate() == StandardGate.U || op.gate() == StandardGate.CX);
            for (Instruction i : lowered.instructions()) {
                assertThat(((GateOp) i).gate()).isIn(StandardGate.U, StandardGate.CX);
            }
            Matrix fromDefinition = GateDefinitions.unitary(lowered.instructions(), gate.numQubits(), Map.of());
            assertThat(fromDefinition.equalsUpToGlobalPhase(gate.matrix(params), TOLERANCE))
                    .as("%s%s: definition %s vs matrix %s", gate, java.util.Arrays.toString(params), fromDefinition,
                            gate.matrix(params))
                    .isTrue();
        }
    }

    @Test
    void littleEndianConvention() {
        // cx with control = argument 0 (bit 0): |01> (q0 = 1) goes to |11>.
        Matrix cx = StandardGate.CX.matrix();
        assertThat(cx.re(3, 1)).isEqualTo(1.0);
        assertThat(cx.re(1, 1)).isEqualTo(0.0);
        assertThat(cx.re(2, 2)).isEqualTo(1.0);
    }

    @Test
    void aliasesResolve() {
        assertThat(StandardGate.byName("CX")).contains(StandardGate.CX);
        assertThat(StandardGate.byName("U")).contains(StandardGate.U);
        assertThat(StandardGate.byName("cphase")).contains(StandardGate.CP);
        assertThat(StandardGate.byName("nope")).isEmpty();
    }

    @Test
    void wrongParameterCountIsAClearError() {
        assertThatThrownBy(() -> StandardGate.RZ.matrix()).hasMessage("gate rz takes 1 parameter, got 0");
    }

    @Test
    void modifiersSimplifyToLibraryGates() {
        assertThat(ModifiedGate.of(StandardGate.X, new GateModifier.Control(2, false))).isEqualTo(StandardGate.CCX);
        assertThat(ModifiedGate.of(StandardGate.S, new GateModifier.Inverse())).isEqualTo(StandardGate.SDG);
        Gate negCtrl = ModifiedGate.of(StandardGate.X, new GateModifier.Control(1, true));
        // negctrl @ x flips the target when the control is 0: |00> -> |10>
        assertThat(negCtrl.matrix().re(2, 0)).isEqualTo(1.0);
        Gate pow = ModifiedGate.of(StandardGate.T, new GateModifier.Power(2));
        assertThat(pow.matrix().approximatelyEquals(StandardGate.S.matrix(), TOLERANCE)).isTrue();
        Gate inv = ModifiedGate.of(StandardGate.RX, new GateModifier.Inverse());
        assertThat(inv.matrix(0.3).approximatelyEquals(StandardGate.RX.matrix(-0.3), TOLERANCE)).isTrue();
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
