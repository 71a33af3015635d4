package io.qexec.circuit;

/** An OpenQASM 3 gate modifier: {@code ctrl(n) @}, {@code negctrl(n) @}, {@code inv @} or {@code pow(k) @}. */
public sealed interface GateModifier {

    /** {@code ctrl(count) @} (or {@code negctrl(count) @} when {@code negated}): adds control qubits before the gate's own. */
    record Control(int count, boolean negated) implements GateModifier {
        public Control {
            if (count < 1) {
                throw new IllegalArgumentException("a control modifier needs at least one control qubit, got " + count);
            }
        }

        @Override
        public String toString() {
            return (negated ? "negctrl" : "ctrl") + (count == 1 ? "" : "(" + count + ")") + " @";
        }
    }

    /** {@code inv @}: the inverse. */
    record Inverse() implements GateModifier {
        @Override
        public String toString() {
            return "inv @";
        }
    }

    /** {@code pow(exponent) @}: an integer power (negative powers are powers of the inverse). */
    record Power(int exponent) implements GateModifier {
        @Override
        public String toString() {
            return "pow(" + exponent + ") @";
        }
    }
}
