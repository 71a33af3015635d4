package io.qexec.qasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.Condition;
import io.qexec.circuit.DefinedGate;
import io.qexec.circuit.Expr;
import io.qexec.circuit.GateModifier;
import io.qexec.circuit.GateOp;
import io.qexec.circuit.IfElse;
import io.qexec.circuit.Instruction;
import io.qexec.circuit.Measure;
import io.qexec.circuit.ModifiedGate;
import io.qexec.circuit.StandardGate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WritersTest {
    private static final Circuit BELL = Circuit.builder(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1).build();

    @Test
    void openQasm2Text() {
        assertThat(OpenQasm.write2(BELL)).isEqualTo("""
                OPENQASM 2.0;
                include "qelib1.inc";
                qreg q[2];
                creg c[2];
                h q[0];
                cx q[0], q[1];
                measure q[0] -> c[0];
                measure q[1] -> c[1];
                """);
    }

    @Test
    void openQasm3Text() {
        assertThat(OpenQasm.write3(BELL)).isEqualTo("""
                OPENQASM 3.0;
                include "stdgates.inc";
                qubit[2] q;
                bit[2] c;
                h q[0];
                cx q[0], q[1];
                c[0] = measure q[0];
                c[1] = measure q[1];
                """);
    }

    @Test
    void libraryGatesMissingFromTheIncludeAreDefinedFirstAndReadBackAsLibraryGates() {
        Circuit c = Circuit.builder(2).iswap(0, 1).ecr(1, 0).ryy(0.5, 0, 1).sxdg(0).build();
        String two = OpenQasm.write2(c);
        assertThat(two).contains("gate iswap q0, q1 {", "gate ecr q0, q1 {", "gate ryy(theta) q0, q1 {", "gate rzx(theta)")
                .doesNotContain("gate sxdg"); // sxdg is in qelib1.inc
        assertThat(two.indexOf("gate rzx")).isLessThan(two.indexOf("gate ecr")); // ecr is defined with rzx
        String three = OpenQasm.write3(c);
        assertThat(three).contains("gate sxdg q0 {", "gate iswap q0, q1 {");
        for (String text : List.of(two, three)) {
            assertThat(OpenQasm.parse(text).instructions()).isEqualTo(c.instructions());
        }
    }

    @Test
    void userGatesAreDefinedBeforeUseInDependencyOrder() {
        DefinedGate inner = DefinedGate.of("inner", List.of("t"), 1,
                List.of(new GateOp(StandardGate.RX, List.of(Expr.symbol("t")), List.of(0))));
        DefinedGate outer = DefinedGate.of("outer", List.of(), 2, List.of(
                new GateOp(inner, List.of(Expr.PI), List.of(1)), new GateOp(StandardGate.CX, List.of(), List.of(0, 1))));
        DefinedGate black = DefinedGate.opaque("black", 1, 1);
        Circuit c = Circuit.builder(2).gate(outer, new double[0], 0, 1).gate(black, new double[] {0.5}, 1).build();
        String text = OpenQasm.write2(c);
        assertThat(text).contains("gate inner(t) q0 {\n  rx(t) q0;\n}\n", "opaque black(p0) q0;\n");
        assertThat(text.indexOf("gate inner")).isLessThan(text.indexOf("gate outer"));
        assertThat(OpenQasm.parse(text).instructions()).isEqualTo(c.instructions());
    }

    @Test
    void symbolicParametersBecomeInputsInOpenQasm3AndAreRefusedInOpenQasm2() {
        Circuit c = Circuit.builder(1).rz(Expr.symbol("theta").times(2), 0).rx(Expr.symbol("phi"), 0).build();
        String three = OpenQasm.write3(c);
        assertThat(three).contains("input float[64] theta;\ninput float[64] phi;\n", "rz(theta * 2) q[0];");
        assertThat(OpenQasm.parse(three).parameters()).containsExactly("theta", "phi");
        assertThatThrownBy(() -> OpenQasm.write2(c)).isInstanceOf(QasmException.class)
                .hasMessage("symbolic parameters theta, phi need OpenQASM 3 (input parameters); bind them first to write OpenQASM 2");
        assertThat(OpenQasm.write2(c.bind(Map.of("theta", 0.25, "phi", 1.5)))).contains("rz(0.5) q[0];", "rx(1.5) q[0];");
    }

    @Test
    void parametersArePiFractionsOrRoundTripDoubles() {
        Circuit c = Circuit.builder(1).rz(Math.PI / 2, 0).rz(-3 * Math.PI / 4, 0).rz(0.1, 0).rz(1e-20, 0).build();
        assertThat(OpenQasm.write3(c)).contains("rz(pi/2) q[0];", "rz(-3*pi/4) q[0];", "rz(0.1) q[0];", "rz(1.0E-20) q[0];");
    }

    @Test
    void openQasm2ConditionsArePerOperationOnWholeRegisters() {
        Circuit c = Circuit.builder(2, 2).ifThen(Condition.equal(List.of(0, 1), 2), b -> b.x(0).h(1)).build();
        assertThat(OpenQasm.write2(c)).contains("if (c == 2) x q[0];\nif (c == 2) h q[1];\n");
        Circuit back = OpenQasm.parse(OpenQasm.write2(c));
        assertThat(back.instructions()).containsExactly(
                IfElse.guard(Condition.equal(List.of(0, 1), 2), GateOp.of(StandardGate.X, new double[0], 0)),
                IfElse.guard(Condition.equal(List.of(0, 1), 2), GateOp.of(StandardGate.H, new double[0], 1)));
    }

    @Test
    void constructsOnlyOpenQasm3CanExpressAreClearErrorsInOpenQasm2() {
        Circuit onBit = Circuit.builder(1, 2).ifThen(Condition.bit(1, true), b -> b.x(0)).build();
        assertThatThrownBy(() -> OpenQasm.write2(onBit)).hasMessage(
                "the condition 'c[1] == 1' needs OpenQASM 3 (OpenQASM 2 can only test a whole classical register for equality)");
        Circuit withElse = Circuit.builder(1, 1).ifElse(Condition.bit(0, true), b -> b.x(0), b -> b.z(0)).build();
        assertThatThrownBy(() -> OpenQasm.write2(withElse)).hasMessage("an if with an else branch needs OpenQASM 3");
        Circuit loop = Circuit.builder(1, 1).whileLoop(Condition.bit(0, true), b -> b.x(0)).build();
        assertThatThrownBy(() -> OpenQasm.write2(loop)).hasMessage("a while loop needs OpenQASM 3");
        Circuit modified = Circuit.builder(2).gate(new ModifiedGate(StandardGate.H, new GateModifier.Control(1, true)),
                new double[0], 0, 1).build();
        assertThatThrownBy(() -> OpenQasm.write2(modified)).hasMessage("the gate modifier in 'negctrl @ h' needs OpenQASM 3");
        Circuit remeasure = Circuit.builder(1, 1).ifThen(Condition.bit(0, true), b -> b.measure(0, 0).x(0)).build();
        assertThatThrownBy(() -> OpenQasm.write2(remeasure)).isInstanceOf(QasmException.class);
        Circuit phase = Circuit.builder(1).gate(StandardGate.GPHASE, new double[] {0.5}).build();
        assertThatThrownBy(() -> OpenQasm.write2(phase)).hasMessage("gphase (a global phase) needs OpenQASM 3");
    }

    @Test
    void openQasm3WritesControlFlowAndModifiers() {
        List<Instruction> body = List.of(GateOp.of(StandardGate.X, new double[0], 0), new Measure(0, 0));
        Circuit c = Circuit.builder(2, 2)
                .ifElse(new Condition(List.of(0, 1), Condition.Comparison.GREATER_OR_EQUAL, 2), b -> b.x(0), b -> b.z(1))
                .whileLoop(Condition.bit(0, true), b -> body.forEach(b::append))
                .gate(ModifiedGate.of(StandardGate.RZ, new GateModifier.Control(1, true)), new double[] {0.5}, 0, 1)
                .gate(ModifiedGate.of(StandardGate.T, new GateModifier.Power(3)), new double[0], 1)
                .build();
        String text = OpenQasm.write3(c);
        assertThat(text).contains("if (c >= 2) {\n  x q[0];\n} else {\n  z q[1];\n}\n",
                "while (c[0] == 1) {\n  x q[0];\n  c[0] = measure q[0];\n}\n", "negctrl @ rz(0.5) q[0], q[1];",
                "pow(3) @ t q[1];");
        assertThat(OpenQasm.parse(text).instructions()).isEqualTo(c.instructions());
    }

    @Test
    void conditionsOnBitsThatAreNotOneRegisterCannotBeWritten() {
        Circuit c = Circuit.builder().quantumRegister("q", 1).classicalRegister("a", 1).classicalRegister("b", 1)
                .ifThen(Condition.equal(List.of(0, 1), 3), b -> b.x(0)).build();
        assertThatThrownBy(() -> OpenQasm.write3(c)).isInstanceOf(QasmException.class)
                .hasMessageContaining("not one classical register");
    }
}
