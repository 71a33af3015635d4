package io.qexec.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CircuitTest {

    @Test
    void bellCircuitFacts() {
        Circuit bell = Circuit.builder(2).h(0).cx(0, 1).measureAll().build();
        assertThat(bell.numQubits()).isEqualTo(2);
        assertThat(bell.numClbits()).isEqualTo(2);
        assertThat(bell.gateCounts()).containsEntry("h", 1).containsEntry("cx", 1).containsEntry("measure", 2);
        assertThat(bell.gateCount()).isEqualTo(2);
        assertThat(bell.depth()).isEqualTo(3);
        assertThat(bell.isClifford()).isTrue();
        assertThat(bell.isDynamic()).isFalse();
        assertThat(bell.hasOnlyTerminalMeasurements()).isTrue();
    }

    @Test
    void nonCliffordAndDynamicAreDetected() {
        assertThat(Circuit.builder(1).t(0).build().isClifford()).isFalse();
        assertThat(Circuit.builder(1).rz(Math.PI / 2, 0).build().isClifford()).isTrue();
        Circuit midMeasure = Circuit.builder(1, 1).h(0).measure(0, 0).x(0).build();
        assertThat(midMeasure.isDynamic()).isTrue();
        Circuit conditioned = Circuit.builder(1, 1).ifThen(Condition.bit(0, true), b -> b.x(0)).build();
        assertThat(conditioned.isDynamic()).isTrue();
        Circuit initialReset = Circuit.builder(1, 1).reset(0).h(0).measure(0, 0).build();
        assertThat(initialReset.isDynamic()).isFalse();
        Circuit lateReset = Circuit.builder(1, 1).h(0).reset(0).build();
        assertThat(lateReset.isDynamic()).isTrue();
    }

    @Test
    void depthIgnoresBarriersAndFollowsClassicalBits() {
        Circuit c = Circuit.builder(3, 1).h(0).barrier().h(1).measure(0, 0).measure(1, 0).build();
        // h0,h1 level 1; measure0 level 2; measure1 waits for clbit 0 -> level 3
        assertThat(c.depth()).isEqualTo(3);
    }

    @Test
    void symbolicParametersBindAndUnboundIsAClearError() {
        Circuit c = Circuit.builder(1).rx(Expr.symbol("theta").times(2), 0).rz(Expr.symbol("phi"), 0).build();
        assertThat(c.parameters()).containsExactly("theta", "phi");
        assertThatThrownBy(c::requireBound).isInstanceOf(UnboundParameterException.class)
                .hasMessageContaining("theta").hasMessageContaining("phi");
        Circuit bound = c.bind(Map.of("theta", 0.25, "phi", 1.0));
        assertThat(bound.isBound()).isTrue();
        assertThat(((GateOp) bound.instructions().get(0)).paramValues()).containsExactly(0.5);
        assertThatThrownBy(() -> c.bind(Map.of("gamma", 1))).hasMessageContaining("no parameter 'gamma'");
    }

    @Test
    void builderRejectsBadIndices() {
        assertThatThrownBy(() -> Circuit.builder(2).cx(0, 2)).hasMessage("qubit 2 is out of range: the circuit has 2 qubits");
        assertThatThrownBy(() -> Circuit.builder(2).cx(1, 1)).hasMessage("gate cx uses qubit 1 more than once");
        assertThatThrownBy(() -> Circuit.builder(2, 1).measure(0, 1))
                .hasMessage("classical bit 1 is out of range: the circuit has 1 classical bit");
    }

    @Test
    void expandReplacesDefinedGatesWithTheirBodies() {
        DefinedGate bellPair = DefinedGate.of("bellpair", List.of("a"), 2, List.of(
                new GateOp(StandardGate.RY, List.of(Expr.symbol("a")), List.of(0)),
                GateOp.of(StandardGate.CX, new double[0], 0, 1)));
        Circuit c = Circuit.builder(3).gate(bellPair, new double[] {0.5}, 2, 1).build();
        Circuit expanded = c.expand();
        assertThat(expanded.instructions()).containsExactly(
                GateOp.of(StandardGate.RY, new double[] {0.5}, 2),
                GateOp.of(StandardGate.CX, new double[0], 2, 1));
        assertThat(bellPair.matrix(0.5).isUnitary(1e-12)).isTrue();
    }

    @Test
    void bitOrderIsQiskits() {
        List<ClassicalRegister> one = List.of(new ClassicalRegister("c", 2));
        BitSet bit0 = new BitSet();
        bit0.set(0);
        assertThat(Bitstrings.format(one, bit0)).isEqualTo("01");
        List<ClassicalRegister> two = List.of(new ClassicalRegister("a", 2), new ClassicalRegister("b", 3));
        BitSet bits = new BitSet();
        bits.set(0); // a[0]
        bits.set(4); // b[2]
        assertThat(Bitstrings.format(two, bits)).isEqualTo("100 01");
        assertThat(Bitstrings.parse("100 01")).isEqualTo(bits);
    }

    @Test
    void exprPrintsParseableText() {
        assertThat(Expr.constant(Math.PI / 2).toString()).isEqualTo("pi/2");
        assertThat(Expr.constant(-3 * Math.PI / 4).toString()).isEqualTo("-3*pi/4");
        assertThat(Expr.symbol("a").plus(Expr.symbol("b")).times(2).toString()).isEqualTo("(a + b) * 2");
        assertThat(Expr.symbol("a").minus(Expr.symbol("b").minus(Expr.symbol("c"))).toString()).isEqualTo("a - (b - c)");
    }
}
