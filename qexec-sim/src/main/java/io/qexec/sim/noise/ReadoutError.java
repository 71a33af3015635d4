package io.qexec.sim.noise;

import java.util.random.RandomGenerator;

/**
 * A measurement's classical error: the recorded bit differs from the qubit's post-measurement state with
 * these probabilities. It acts on the recorded bit only, never on the quantum state, so sampling from one
 * simulation stays valid. Its confusion matrix is {@code [[1-p01, p10], [p01, 1-p10]]} (column = prepared).
 *
 * @param p01 the probability of reading 1 when the qubit is 0
 * @param p10 the probability of reading 0 when the qubit is 1
 */
public record ReadoutError(double p01, double p10) {

    /** No readout error. */
    public static final ReadoutError NONE = new ReadoutError(0, 0);

    public ReadoutError {
        if (!(p01 >= 0 && p01 <= 1) || !(p10 >= 0 && p10 <= 1)) {
            throw new IllegalArgumentException("readout error probabilities must be in [0, 1], got p01=" + p01 + ", p10=" + p10);
        }
    }

    /** The same error probability {@code p} for both outcomes. */
    public static ReadoutError symmetric(double p) {
        return new ReadoutError(p, p);
    }

    /** Whether this error never flips a bit. */
    public boolean isNone() {
        return p01 == 0 && p10 == 0;
    }

    /** The probability of reading {@code recorded} when the qubit is {@code actual}. */
    public double probability(boolean actual, boolean recorded) {
        double flip = actual ? p10 : p01;
        return actual == recorded ? 1 - flip : flip;
    }

    /** The bit recorded for a qubit in state {@code actual}, drawn with {@code random}. */
    public boolean record(boolean actual, RandomGenerator random) {
        double flip = actual ? p10 : p01;
        return flip > 0 && random.nextDouble() < flip ? !actual : actual;
    }
}
