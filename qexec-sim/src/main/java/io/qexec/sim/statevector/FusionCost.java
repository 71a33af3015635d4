package io.qexec.sim.statevector;

import java.util.List;

/**
 * Estimated cost of kernels, in full bandwidth-bound passes over the state, used by the fuser to decide
 * whether a dense block is worth building. A dense block replaces several passes by one, but its kernel does
 * {@code 2^k} complex multiply-adds per amplitude and stops being bandwidth-bound from two qubits on; a run
 * of one-qubit gates and diagonals that the fuser can pair into single passes (a QFT layer) is cheaper left
 * apart. The figures are per-kernel times over the bandwidth pass measured on the benchmark machine
 * ({@code PassProfile} in qexec-bench, docs/performance.md).
 */
final class FusionCost {
    /** Scalar kernels. */
    static final FusionCost SCALAR = new FusionCost(2.3, 9.6, 0);
    /** Vector API kernels ({@link VectorSupport}). */
    static final FusionCost VECTOR = new FusionCost(1.0, 2.2, VectorSupport.LOW_QUBITS);

    /** A diagonal run usually merges with a neighbour into one pass; count part of a pass. */
    private static final double DIAGONAL = 0.6;
    private static final double PERMUTATION = 1.0;
    private static final double DENSE2 = 4.6;
    private static final double DENSE3_SCALAR = 9.6;
    /** A block inside one vector of amplitudes ({@link VectorDenseLowKernel}). */
    private static final double DENSE_LOW = 2.3;

    private final double dense1;
    private final double dense3;
    private final int lowQubits;

    /**
     * @param dense1 one-qubit dense kernel
     * @param dense3 three-qubit dense kernel whose runs hold whole vectors
     * @param lowQubits qubits inside one vector (0 without the Vector API kernels)
     */
    private FusionCost(double dense1, double dense3, int lowQubits) {
        this.dense1 = dense1;
        this.dense3 = dense3;
        this.lowQubits = lowQubits;
    }

    /** Cost of one dense kernel on the qubits of {@code targetMask} touching {@code fraction} of the state. */
    double dense(int targetMask, double fraction) {
        if (lowQubits > 0 && (targetMask >>> lowQubits) == 0) {
            return DENSE_LOW * fraction;
        }
        double full = switch (Integer.bitCount(targetMask)) {
            case 0, 1 -> dense1;
            case 2 -> DENSE2;
            case 3 -> (targetMask & ((1 << lowQubits) - 1)) == 0 ? dense3 : DENSE3_SCALAR;
            default -> DENSE3_SCALAR * (1 << (Integer.bitCount(targetMask) - 3));
        };
        return full * fraction;
    }

    /** Cost of applying {@code items} (gates and diagonal tables) one kernel each. */
    double apart(List<Object> items) {
        double sum = 0;
        for (Object o : items) {
            if (o instanceof DiagonalTable) {
                sum += DIAGONAL; // a table's controls are found only when it becomes a kernel
            } else {
                Gate g = ((Gate) o).normalized();
                double fraction = 1.0 / (1 << g.controls().length);
                if (g.isDiagonal()) {
                    sum += DIAGONAL * fraction;
                } else if (isPermutation(g.matrix())) {
                    sum += PERMUTATION * fraction;
                } else {
                    int targets = 0;
                    for (int q : g.targets()) {
                        targets |= 1 << q;
                    }
                    sum += dense(targets, fraction);
                }
            }
        }
        return sum;
    }

    private static boolean isPermutation(ComplexMatrix m) {
        for (int c = 0; c < m.dim; c++) {
            int ones = 0;
            for (int r = 0; r < m.dim; r++) {
                if (m.isEntry(r, c, 1, 0)) {
                    ones++;
                } else if (!m.isEntry(r, c, 0, 0)) {
                    return false;
                }
            }
            if (ones != 1) {
                return false;
            }
        }
        return true;
    }
}
