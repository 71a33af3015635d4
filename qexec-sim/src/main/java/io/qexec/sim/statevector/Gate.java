package io.qexec.sim.statevector;

import java.util.Arrays;

/**
 * A unitary applied to {@code targets} when every qubit in {@code controls} is 1. Matrix index
 * bit {@code j} is the state of {@code targets[j]} (little-endian). This is the engine's input
 * form, before fusion and kernel selection.
 */
record Gate(int[] controls, int[] targets, ComplexMatrix matrix) {

    Gate {
        if (matrix.dim != 1 << targets.length) {
            throw new IllegalArgumentException(
                    "a " + matrix.dim + "x" + matrix.dim + " matrix cannot act on " + targets.length + " qubits");
        }
        int seen = 0;
        for (int q : controls) {
            seen = addQubit(seen, q);
        }
        for (int q : targets) {
            seen = addQubit(seen, q);
        }
    }

    static Gate of(ComplexMatrix matrix, int... targets) {
        return new Gate(new int[0], targets, matrix);
    }

    private static int addQubit(int seen, int q) {
        if (q < 0 || q > 30) {
            throw new IllegalArgumentException("qubit index " + q + " is out of range");
        }
        if ((seen & (1 << q)) != 0) {
            throw new IllegalArgumentException("qubit " + q + " appears twice in one gate");
        }
        return seen | 1 << q;
    }

    /** Every qubit the gate involves, controls first. */
    int[] qubits() {
        int[] all = Arrays.copyOf(controls, controls.length + targets.length);
        System.arraycopy(targets, 0, all, controls.length, targets.length);
        return all;
    }

    int qubitMask() {
        int m = controlMask();
        for (int q : targets) {
            m |= 1 << q;
        }
        return m;
    }

    int controlMask() {
        int m = 0;
        for (int q : controls) {
            m |= 1 << q;
        }
        return m;
    }

    int width() {
        return controls.length + targets.length;
    }

    boolean isDiagonal() {
        return matrix.isDiagonal();
    }

    /** The full matrix on {@link #qubits()} order reversed: targets first (low bits), then controls. */
    ComplexMatrix fullMatrix() {
        return matrix.withControls(controls.length);
    }

    /** Qubits in the order of {@link #fullMatrix()}'s index bits. */
    int[] fullQubits() {
        int[] all = Arrays.copyOf(targets, targets.length + controls.length);
        System.arraycopy(controls, 0, all, targets.length, controls.length);
        return all;
    }

    /**
     * The same operator with every target that acts as a control (identity whenever it is 0)
     * moved to the controls. A gate that ends with no targets is a phase on the controlled subspace.
     */
    Gate normalized() {
        int[] c = controls;
        int[] t = targets;
        ComplexMatrix m = matrix;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int bit = 0; bit < t.length; bit++) {
                if (m.isControlBit(bit)) {
                    c = Arrays.copyOf(c, c.length + 1);
                    c[c.length - 1] = t[bit];
                    int[] nt = new int[t.length - 1];
                    for (int i = 0, j = 0; i < t.length; i++) {
                        if (i != bit) {
                            nt[j++] = t[i];
                        }
                    }
                    m = m.controlledBlock(bit);
                    t = nt;
                    changed = true;
                    break;
                }
            }
        }
        return c == controls ? this : new Gate(c, t, m);
    }

    @Override
    public String toString() {
        return "Gate[controls=" + Arrays.toString(controls) + ", targets=" + Arrays.toString(targets) + ", dim="
                + matrix.dim + "]";
    }
}
