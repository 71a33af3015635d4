package io.qexec.sim.stabilizer;

import io.qexec.circuit.Condition;
import java.util.List;

/** Evaluates a classical condition for 64 shots per word, on bit-packed classical values. */
final class ConditionMask {
    private ConditionMask() {
    }

    /**
     * Sets {@code out[w]}'s bit {@code s} when the condition holds for shot {@code 64w + s}.
     *
     * @param values classical values, {@code words} words per classical bit (bit c at {@code c * words})
     */
    static void evaluate(Condition condition, long[] values, int words, long[] out) {
        List<Integer> bits = condition.clbits();
        int k = bits.size();
        long value = condition.value();
        for (int w = 0; w < words; w++) {
            long eq;
            long less;
            long greater;
            if (value >>> k != 0) {
                // the register cannot reach the value: it is always smaller
                eq = 0;
                less = -1L;
                greater = 0;
            } else {
                eq = -1L;
                less = 0;
                greater = 0;
                for (int i = k - 1; i >= 0; i--) {
                    long b = values[bits.get(i) * words + w];
                    if ((value >>> i & 1) != 0) {
                        less |= eq & ~b;
                        eq &= b;
                    } else {
                        greater |= eq & b;
                        eq &= ~b;
                    }
                }
            }
            out[w] = switch (condition.comparison()) {
                case EQUAL -> eq;
                case NOT_EQUAL -> ~eq;
                case LESS -> less;
                case LESS_OR_EQUAL -> less | eq;
                case GREATER -> greater;
                case GREATER_OR_EQUAL -> greater | eq;
            };
        }
    }
}
