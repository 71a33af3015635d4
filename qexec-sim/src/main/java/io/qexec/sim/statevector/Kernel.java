package io.qexec.sim.statevector;

/**
 * One pass over the state. A kernel fixes some index bits (its controls and targets) and visits
 * the {@code 2^(n - fixed)} combinations of the remaining free bits; {@link #apply} handles a
 * contiguous range of those combinations so that any range split parallelises, including gates on
 * the top qubit.
 *
 * <p>Every kernel walks its range in runs: the free bits below the lowest fixed bit map to
 * consecutive amplitude indices, so the inner loop is a plain contiguous loop.
 */
sealed interface Kernel
        permits PhaseKernel, FlipKernel, PermuteXKernel, SwapKernel, Diagonal1Kernel, DiagonalKernel,
                SplitDiagonalKernel, Dense1Kernel, Dense1DiagonalKernel, Dense2Kernel, Dense3Kernel, DenseKernel,
                VectorDense1Kernel, VectorSplitDiagonalKernel, VectorDense1DiagonalKernel, VectorDenseLowKernel, VectorDense3Kernel {

    /** Index bits the kernel fixes (controls set to 1, targets enumerated inside one work item). */
    int fixedMask();

    /** Number of work items on a state of {@code n} qubits. */
    default int workItems(int n) {
        return 1 << (n - Integer.bitCount(fixedMask()));
    }

    /** Applies the kernel to work items {@code [from, to)}. */
    void apply(double[] re, double[] im, int from, int to);

    /** The highest qubit the kernel touches, or -1 for none (a global phase). */
    default int highestQubit() {
        return 31 - Integer.numberOfLeadingZeros(fixedMask());
    }

    /** Fraction of the amplitudes the kernel reads and writes. */
    double touchedFraction();

    /** Runs shorter than this are walked one index at a time instead of one loop per run. */
    int SHORT_RUN = 16;

    /** Length of the contiguous run for a kernel fixing {@code fixed}. */
    static int runLength(int fixed) {
        return fixed == 0 ? 1 << 30 : Integer.lowestOneBit(fixed);
    }
}
