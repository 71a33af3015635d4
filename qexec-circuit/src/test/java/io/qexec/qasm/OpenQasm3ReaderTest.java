package io.qexec.qasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.Condition;
import io.qexec.circuit.Expr;
import io.qexec.circuit.GateModifier;
import io.qexec.circuit.GateOp;
import io.qexec.circuit.IfElse;
import io.qexec.circuit.Measure;
import io.qexec.circuit.ModifiedGate;
import io.qexec.circuit.StandardGate;
import io.qexec.circuit.WhileLoop;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenQasm3ReaderTest {
    private static final String HEADER = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n";

    private static Circuit parse(String body) {
        return OpenQasm.parse(HEADER + body);
    }

    private static GateOp op(Circuit c, int index) {
        return (GateOp) c.instructions().get(index);
    }

    @Test
    void declarationsAndMeasurementForms() {
        Circuit c = parse("qubit a;\nqubit[2] q;\nbit b;\nbit[2] c;\nqreg r[1];\ncreg d[1];\n"
                + "b = measure a;\nc[1] = measure q[0];\nc = measure q;\nmeasure r -> d;\nmeasure r[0] -> d[0];\n"
                + "bit e = measure a;\n");
        assertThat(c.numQubits()).isEqualTo(4);
        assertThat(c.numClbits()).isEqualTo(5);
        assertThat(c.instructions()).containsExactly(new Measure(0, 0), new Measure(1, 2), new Measure(1, 1),
                new Measure(2, 2), new Measure(3, 3), new Measure(3, 3), new Measure(0, 4));
    }

    @Test
    void headerIsOptionalAndVersionsThreeAndThreeOneAreAccepted() {
        assertThat(OpenQasm.parse("qubit q;\nU(0, 0, 0) q;\n").numQubits()).isEqualTo(1);
        assertThat(OpenQasm.parse("OPENQASM 3;\nqubit q;\n").numQubits()).isEqualTo(1);
        assertThat(OpenQasm.parse("OPENQASM 3.1;\nqubit q;\n").numQubits()).isEqualTo(1);
    }

    @Test
    void modifiersBuildModifiedGatesOrTheMatchingLibraryGate() {
        Circuit c = parse("qubit[4] q;\nctrl @ x q[0], q[1];\nctrl(2) @ x q[0], q[1], q[2];\nnegctrl @ h q[0], q[1];\n"
                + "inv @ s q[0];\npow(2) @ t q[0];\nctrl @ inv @ rx(0.5) q[0], q[1];\nctrl @ gphase(pi) q[0];\ngphase(0.25);\n");
        assertThat(op(c, 0).gate()).isEqualTo(StandardGate.CX);
        assertThat(op(c, 1).gate()).isEqualTo(StandardGate.CCX);
        assertThat(op(c, 2).gate()).isEqualTo(new ModifiedGate(StandardGate.H, new GateModifier.Control(1, true)));
        assertThat(op(c, 3).gate()).isEqualTo(StandardGate.SDG);
        assertThat(op(c, 4).gate()).isEqualTo(new ModifiedGate(StandardGate.T, new GateModifier.Power(2)));
        assertThat(op(c, 5).gate()).isEqualTo(new ModifiedGate(new ModifiedGate(StandardGate.RX, new GateModifier.Inverse()),
                new GateModifier.Control(1, false)));
        assertThat(op(c, 5).qubits()).containsExactly(0, 1);
        assertThat(op(c, 6).gate().numQubits()).isEqualTo(1);
        assertThat(op(c, 7).gate()).isEqualTo(StandardGate.GPHASE);
        assertThat(op(c, 7).qubits()).isEmpty();
    }

    @Test
    void conditionsOnBitsAndRegistersBecomeIfElse() {
        Circuit c = parse("qubit q;\nbit[3] c;\nbit b;\n"
                + "if (c == 3) { x q; } else { z q; }\nif (c[1]) x q;\nif (!c[0]) x q;\nif (c[2] == 1) x q;\n"
                + "if (c >= 2) x q;\nif (int[3](c) != 5) x q;\nif (b) { x q; }\nif (5 == c) x q;\n");
        List<IfElse> ifs = c.instructions().stream().map(IfElse.class::cast).toList();
        assertThat(ifs.get(0).condition()).isEqualTo(Condition.equal(List.of(0, 1, 2), 3));
        assertThat(ifs.get(0).elseBody()).hasSize(1);
        assertThat(ifs.get(1).condition()).isEqualTo(new Condition(List.of(1), Condition.Comparison.NOT_EQUAL, 0));
        assertThat(ifs.get(2).condition()).isEqualTo(Condition.bit(0, false));
        assertThat(ifs.get(3).condition()).isEqualTo(Condition.bit(2, true));
        assertThat(ifs.get(4).condition()).isEqualTo(new Condition(List.of(0, 1, 2), Condition.Comparison.GREATER_OR_EQUAL, 2));
        assertThat(ifs.get(5).condition()).isEqualTo(new Condition(List.of(0, 1, 2), Condition.Comparison.NOT_EQUAL, 5));
        assertThat(ifs.get(6).condition().clbits()).containsExactly(3);
        assertThat(ifs.get(7).condition()).isEqualTo(Condition.equal(List.of(0, 1, 2), 5));
    }

    @Test
    void whileLoopsOnMeasurementResults() {
        Circuit c = parse("qubit q;\nbit m;\nm = measure q;\nwhile (m == 1) { x q; m = measure q; }\n");
        WhileLoop loop = (WhileLoop) c.instructions().get(1);
        assertThat(loop.condition()).isEqualTo(Condition.bit(0, true));
        assertThat(loop.body()).hasSize(2);
    }

    @Test
    void classicalValuesAreEvaluatedAtParseTime() {
        Circuit c = parse("qubit[4] q;\nconst int n = 3;\nuint[4] flags = 5;\nfloat theta = pi / n;\nangle[20] a = tau / 4;\n"
                + "bool on = true;\nint k = 2;\nk += 1;\nk = k * 2;\nk <<= 1;\n"
                + "rz(theta) q[0];\nrz(a) q[0];\nrz(k) q[0];\n"
                + "if (bool(flags[0])) x q[0];\nif (bool(flags[1])) x q[1];\nif (flags[2] == 1 && on) x q[2];\n"
                + "rz(euler) q[0];\nrz(arccos(0) + arcsin(1) + arctan(1)) q[0];\nrz(int[2](7)) q[0];\nrz(π) q[0];\n");
        assertThat(op(c, 0).params().get(0).value()).isCloseTo(Math.PI / 3, within(1e-15));
        assertThat(op(c, 1).params().get(0).value()).isCloseTo(Math.PI / 2, within(1e-15));
        assertThat(op(c, 2).params().get(0).value()).isEqualTo(12.0);
        assertThat(op(c, 3).qubits()).containsExactly(0);
        assertThat(op(c, 4).qubits()).containsExactly(2); // flags[1] is 0: no x on q[1]
        assertThat(op(c, 5).params().get(0).value()).isCloseTo(Math.E, within(1e-15));
        assertThat(op(c, 6).params().get(0).value()).isCloseTo(Math.PI + Math.PI / 4, within(1e-12));
        assertThat(op(c, 7).params().get(0).value()).isEqualTo(-1.0); // int[2](7) = 0b11 = -1
        assertThat(op(c, 8).params().get(0).value()).isEqualTo(Math.PI);
        assertThat(c.instructions()).hasSize(9);
    }

    @Test
    void forLoopsUnrollOverRangesStepsAndSets() {
        Circuit c = parse("qubit[5] q;\nfor uint i in [0:2] { h q[i]; }\nfor int i in [4:-2:0] x q[i];\n"
                + "for i in {1, 3} { z q[i]; }\nfor int i in [1:0] { y q[i]; }\n");
        assertThat(c.instructions()).hasSize(3 + 3 + 2);
        assertThat(c.instructions().stream().map(i -> ((GateOp) i).qubits().get(0)).toList())
                .containsExactly(0, 1, 2, 4, 2, 0, 1, 3);
    }

    @Test
    void staticWhileLoopsUnrollAndKnownIfsPickABranch() {
        Circuit c = parse("qubit q;\nint i = 0;\nwhile (i < 3) { x q; i += 1; }\nif (i == 3) { h q; } else { z q; }\n");
        assertThat(c.gateCounts()).containsEntry("x", 3).containsEntry("h", 1).doesNotContainKey("z");
    }

    @Test
    void inputsBecomeSymbolicParameters() {
        Circuit c = parse("input float theta;\ninput angle[32] phi;\nqubit q;\nrz(theta) q;\nrx(2 * phi + pi) q;\n");
        assertThat(c.parameters()).containsExactly("theta", "phi");
        assertThat(op(c, 1).params().get(0)).isEqualTo(Expr.constant(2).times(Expr.symbol("phi")).plus(Expr.PI));
        assertThat(c.bind(java.util.Map.of("theta", 1.0, "phi", 0.5)).isBound()).isTrue();
    }

    @Test
    void gateDefinitionsWithParametersAndModifiersInside() {
        Circuit c = parse("gate cphase2(θ) a, b { ctrl @ phase(θ) a, b; }\ngate twice a { pow(2) @ x a; }\n"
                + "qubit[2] q;\ncphase2(pi/2) q[0], q[1];\ntwice q[0];\n");
        // ctrl @ phase is cp: the definition equals the library cp? No: the name differs, so it stays user-defined.
        assertThat(op(c, 0).gate().qasmName()).isEqualTo("cphase2");
        assertThat(op(c, 0).gate().definition()).containsExactly(new GateOp(StandardGate.CP,
                List.of(Expr.symbol("θ")), List.of(0, 1)));
        assertThat(op(c, 1).gate().matrix().equalsUpToGlobalPhase(StandardGate.ID.matrix(), 1e-12)).isTrue();
    }

    @Test
    void subroutinesOnQubitsAreInlined() {
        Circuit c = parse("def bell(qubit a, qubit b) { h a; cx a, b; }\n"
                + "def flip(qubit[2] r, int n) { for int i in [0:n-1] { x r[i]; } }\n"
                + "def meas(qubit x) -> bit { h x; return measure x; }\n"
                + "def both(qubit[2] r) -> bit[2] { bit[2] out; out = measure r; return out; }\n"
                + "qubit[2] q;\nbit m;\nbit[2] mm;\nbell(q[0], q[1]);\nbell q[1], q[0];\nflip(q, 2);\nm = meas(q[0]);\nmm = both(q);\n");
        assertThat(c.gateCounts()).containsEntry("h", 3).containsEntry("cx", 2).containsEntry("x", 2)
                .containsEntry("measure", 3);
        assertThat(c.classicalRegisters()).hasSize(2); // the returned local is the caller's register
        assertThat(c.instructions().get(7)).isEqualTo(new Measure(0, 0));
        assertThat(c.instructions().subList(8, 10)).containsExactly(new Measure(0, 1), new Measure(1, 2));
    }

    @Test
    void aliasesAndSlices() {
        Circuit c = parse("qubit[6] q;\nlet pair = q[{1, 4}];\nlet tail = q[3:5];\nlet both = pair ++ tail;\n"
                + "h pair;\nx tail[0];\ncx both[0], both[4];\nh q[-1];\n");
        assertThat(c.instructions().stream().map(i -> ((GateOp) i).qubits()).toList())
                .containsExactly(List.of(1), List.of(4), List.of(3), List.of(1, 5), List.of(5));
    }

    @Test
    void oneDimensionalArraysKnownAtParseTime() {
        Circuit c = parse("qubit[4] q;\narray[uint[8], 4] targets = {3, 1, 0, 2};\narray[float[64], 2] angles;\n"
                + "angles[1] = pi / 4;\nangles[0] += 1;\nconst array[int, 2] copy = {5, -1};\n"
                + "for int i in [0:sizeof(targets) - 1] { x q[targets[i]]; }\n"
                + "for float a in angles { rz(a) q[0]; }\nrz(copy[-1]) q[1];\n");
        assertThat(c.instructions().subList(0, 4).stream().map(i -> ((GateOp) i).qubits().get(0)).toList())
                .containsExactly(3, 1, 0, 2);
        assertThat(op(c, 4).params().get(0).value()).isEqualTo(1.0);
        assertThat(op(c, 5).params().get(0).value()).isEqualTo(Math.PI / 4);
        assertThat(op(c, 6).params().get(0).value()).isEqualTo(-1.0);
        assertThat(c.instructions()).hasSize(7);
    }

    @Test
    void bitStringInitialValuesDecideStaticConditions() {
        Circuit c = parse("qubit q;\nbit[2] f = \"10\";\nif (f[1] == 1) x q;\nif (f[0] == 1) z q;\n");
        // f[1] was set to 1 by the program: decided now. f[0] holds 0 like every fresh bit: tested at run time.
        assertThat(c.instructions().get(0)).isEqualTo(GateOp.of(StandardGate.X, new double[0], 0));
        assertThat(c.instructions().get(1)).isEqualTo(IfElse.guard(Condition.bit(0, true),
                GateOp.of(StandardGate.Z, new double[0], 0)));
        assertThat(c.instructions()).hasSize(2);
    }
}
