package io.qexec.qasm;

import static org.assertj.core.api.Assertions.assertThat;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.Expr;
import io.qexec.circuit.GateOp;
import io.qexec.circuit.Matrix;
import io.qexec.circuit.StandardGate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** parse(write(c)) is c: same registers and instructions, and for small gate-only circuits the same unitary. */
class RoundTripProperties {

    private static void assertSameCircuit(Circuit original, Circuit back, String text) {
        assertThat(back.quantumRegisters()).as(text).isEqualTo(original.quantumRegisters());
        assertThat(back.classicalRegisters()).as(text).isEqualTo(original.classicalRegisters());
        assertThat(back.instructions()).as(text).isEqualTo(original.instructions());
    }

    @Property(tries = 300, seed = "424242")
    void openQasm2RoundTrip(@ForAll long seed) {
        Circuit c = RandomCircuits.circuit(seed, false, false);
        String text = OpenQasm.write2(c);
        assertSameCircuit(c, OpenQasm.parse(text), text);
    }

    @Property(tries = 300, seed = "434343")
    void openQasm3RoundTrip(@ForAll long seed) {
        Circuit c = RandomCircuits.circuit(seed, true, false);
        String text = OpenQasm.write3(c);
        assertSameCircuit(c, OpenQasm.parse(text), text);
    }

    @Property(tries = 100, seed = "777")
    void theUnitaryIsPreservedInBothVersions(@ForAll long seed) {
        Circuit c2 = RandomCircuits.circuit(seed, false, true);
        Matrix u2 = Unitaries.of(c2);
        assertThat(Unitaries.of(OpenQasm.parse(OpenQasm.write2(c2))).equalsUpToGlobalPhase(u2, 1e-9)).isTrue();
        Circuit c3 = RandomCircuits.circuit(seed, true, true);
        Matrix u3 = Unitaries.of(c3);
        assertThat(Unitaries.of(OpenQasm.parse(OpenQasm.write3(c3))).equalsUpToGlobalPhase(u3, 1e-9)).isTrue();
    }

    /** The unitary check itself notices a change: a circuit with one gate flipped is not equivalent. */
    @Property(tries = 30, seed = "99")
    void theUnitaryCheckDetectsADifference(@ForAll long seed) {
        Circuit c = RandomCircuits.circuit(seed, true, true);
        Circuit changed = c.withInstructions(append(c, GateOp.of(StandardGate.X, new double[0], 0)));
        assertThat(Unitaries.of(changed).equalsUpToGlobalPhase(Unitaries.of(c), 1e-9)).isFalse();
    }

    private static List<io.qexec.circuit.Instruction> append(Circuit c, GateOp op) {
        java.util.ArrayList<io.qexec.circuit.Instruction> l = new java.util.ArrayList<>(c.instructions());
        l.add(op);
        return l;
    }

    @Property(tries = 500, seed = "31337")
    void parametersArePrintedExactly(@ForAll double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return;
        }
        Circuit c = Circuit.builder(1).rz(value, 0).build();
        for (String text : List.of(OpenQasm.write2(c), OpenQasm.write3(c))) {
            Expr back = ((GateOp) OpenQasm.parse(text).instructions().get(0)).params().get(0);
            assertThat(Double.doubleToLongBits(back.value())).as(text).isEqualTo(Double.doubleToLongBits(value));
        }
    }

    @Property(tries = 200, seed = "2718")
    void symbolicExpressionsKeepTheirStructureInOpenQasm3(@ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        Expr e = randomExpr(r, 3);
        Circuit c = Circuit.builder(1).rz(e, 0).build();
        String text = OpenQasm.write3(c);
        Expr back = ((GateOp) OpenQasm.parse(text).instructions().get(0)).params().get(0);
        assertThat(back).as(text).isEqualTo(e);
    }

    private static Expr randomExpr(java.util.Random r, int depth) {
        if (depth == 0 || r.nextInt(3) == 0) {
            return switch (r.nextInt(3)) {
                case 0 -> Expr.symbol(r.nextBoolean() ? "theta" : "phi");
                case 1 -> Expr.constant(Math.PI * (1 + r.nextInt(3)) / (1 + r.nextInt(4)));
                default -> Expr.constant(r.nextInt(5) + 1);
            };
        }
        Expr a = randomExpr(r, depth - 1);
        Expr b = randomExpr(r, depth - 1);
        if (a.isConstant()) {
            a = Expr.symbol("theta"); // keeps every node symbolic, so nothing folds (or becomes NaN)
        }
        return switch (r.nextInt(7)) {
            case 0 -> a.plus(b);
            case 1 -> a.minus(b);
            case 2 -> a.times(b);
            case 3 -> a.dividedBy(b);
            case 4 -> Expr.binary(Expr.Operator.POWER, a, b);
            case 5 -> a.negate();
            default -> Expr.call(Expr.Function.values()[r.nextInt(Expr.Function.values().length)], a);
        };
    }
}
