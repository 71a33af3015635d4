package io.qexec.sim.statevector;

/**
 * Merges neighbouring diagonal kernels with the same controls into one {@link SplitDiagonalKernel}: one pass
 * instead of several. A QFT layer's controlled phases onto one qubit are too many for one diagonal table
 * (the fuser caps tables at {@link FusionOptions#maxDiagonalQubits()} qubits), but each table factors into
 * a low and a high part, and so does their product, as long as the high part stays small.
 */
final class DiagonalMerge {
    /** Widest high part of a merged kernel: 2^14 entries, 256 KiB with both parts, kept in cache. */
    static final int MAX_HIGH_QUBITS = 14;

    private DiagonalMerge() {
    }

    /**
     * The product of two diagonal kernels (in either order: diagonals commute) as one split diagonal, or null
     * when either is not a split or one-qubit diagonal, their controls differ, or the high part would be too wide.
     */
    static SplitDiagonalKernel merge(Kernel a, Kernel b) {
        SplitDiagonalKernel x = asSplit(a);
        SplitDiagonalKernel y = x == null ? null : asSplit(b);
        if (y == null || x.controls() != y.controls() || x.lowMask() != y.lowMask()) {
            return null;
        }
        int union = x.highMask() | y.highMask();
        if (Integer.bitCount(union) > MAX_HIGH_QUBITS) {
            return null;
        }
        double[][] tx = x.tables();
        double[][] ty = y.tables();
        int lows = x.lowMask() + 1;
        double[] lr = new double[lows];
        double[] li = new double[lows];
        for (int i = 0; i < lows; i++) {
            lr[i] = tx[0][i] * ty[0][i] - tx[1][i] * ty[1][i];
            li[i] = tx[0][i] * ty[1][i] + tx[1][i] * ty[0][i];
        }
        int highs = 1 << Integer.bitCount(union);
        double[] hr = new double[highs];
        double[] hi = new double[highs];
        for (int h = 0; h < highs; h++) {
            int bits = Integer.expand(h, union);
            int hx = Integer.compress(bits, x.highMask());
            int hy = Integer.compress(bits, y.highMask());
            hr[h] = tx[2][hx] * ty[2][hy] - tx[3][hx] * ty[3][hy];
            hi[h] = tx[2][hx] * ty[3][hy] + tx[3][hx] * ty[2][hy];
        }
        return new SplitDiagonalKernel(x.controls(), Integer.bitCount(x.lowMask()), lr, li, union, hr, hi);
    }

    /** {@code k} as a split diagonal over {@link DiagonalTable#LOW_BITS} low bits, or null if it is no diagonal of that kind. */
    static SplitDiagonalKernel asSplit(Kernel k) {
        if (k instanceof SplitDiagonalKernel s) {
            return s.lowMask() == (1 << DiagonalTable.LOW_BITS) - 1 ? s : null;
        }
        if (!(k instanceof Diagonal1Kernel d)) {
            return null;
        }
        double[] e = d.entries();
        int q = d.target();
        int lows = 1 << DiagonalTable.LOW_BITS;
        double[] lr = new double[lows];
        double[] li = new double[lows];
        if (q < DiagonalTable.LOW_BITS) {
            for (int i = 0; i < lows; i++) {
                int bit = (i >>> q) & 1;
                lr[i] = e[2 * bit];
                li[i] = e[2 * bit + 1];
            }
            return new SplitDiagonalKernel(d.controls(), DiagonalTable.LOW_BITS, lr, li, 0, new double[] {1},
                    new double[] {0});
        }
        java.util.Arrays.fill(lr, 1);
        return new SplitDiagonalKernel(d.controls(), DiagonalTable.LOW_BITS, lr, li, 1 << q,
                new double[] {e[0], e[2]}, new double[] {e[1], e[3]});
    }
}
