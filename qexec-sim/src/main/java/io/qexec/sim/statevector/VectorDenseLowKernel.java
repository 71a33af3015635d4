package io.qexec.sim.statevector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A dense block whose qubits all lie inside one vector of amplitudes (qubits 0..2 with 512-bit vectors,
 * 0..1 with 256-bit ones), in the Vector API: each group of consecutive amplitudes is multiplied by the
 * block's matrix widened to the low qubits, as a sum over columns of a broadcast amplitude times a matrix
 * column. The scalar kernels walk such blocks one short run at a time; this one does a whole group per
 * step. Controls above the group are kept as controls; controls inside it are folded into the matrix.
 */
final class VectorDenseLowKernel implements Kernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    /** Qubits inside one vector. */
    static final int LOW_QUBITS = Integer.numberOfTrailingZeros(S.length());

    private final int controls;
    private final int fixed;
    private final int free;
    private final double[] colRe;
    private final double[] colIm;
    private final double[] colImNeg;

    /**
     * The block {@code matrix} on {@code targets} controlled by {@code controls} (a mask); every target and
     * every control below {@link #LOW_QUBITS} must be below it.
     */
    VectorDenseLowKernel(int controls, int[] targets, ComplexMatrix matrix) {
        int lanes = S.length();
        int low = lanes - 1;
        int lowControls = controls & low;
        for (int t : targets) {
            if (t >= LOW_QUBITS) {
                throw new IllegalArgumentException("target " + t + " is not inside a vector of " + lanes + " amplitudes");
            }
        }
        int[] lc = DiagonalTable.maskToQubits(lowControls);
        Gate g = new Gate(lc, targets, matrix);
        int[] space = new int[LOW_QUBITS];
        for (int q = 0; q < LOW_QUBITS; q++) {
            space[q] = q;
        }
        ComplexMatrix full = g.fullMatrix().embed(g.fullQubits(), space);
        this.controls = controls & ~low;
        this.fixed = this.controls | low;
        this.free = ~fixed;
        this.colRe = new double[lanes * lanes];
        this.colIm = new double[lanes * lanes];
        this.colImNeg = new double[lanes * lanes];
        for (int c = 0; c < lanes; c++) {
            for (int r = 0; r < lanes; r++) {
                colRe[c * lanes + r] = full.re[r * lanes + c];
                colIm[c * lanes + r] = full.im[r * lanes + c];
                colImNeg[c * lanes + r] = -full.im[r * lanes + c];
            }
        }
    }

    /** Whether a block on {@code qubitMask} (targets and controls) can run as this kernel. */
    static boolean fits(int targetMask) {
        return (targetMask >>> LOW_QUBITS) == 0;
    }

    @Override
    public int fixedMask() {
        return fixed;
    }

    @Override
    public double touchedFraction() {
        return 1.0 / (1L << Integer.bitCount(controls));
    }

    @Override
    public void apply(double[] re, double[] im, int from, int to) {
        final int lanes = S.length();
        final double[] cr = colRe;
        final double[] ci = colIm;
        final double[] cn = colImNeg;
        for (int k = from; k < to; k++) {
            int base = Integer.expand(k, free) | controls;
            DoubleVector accR = DoubleVector.zero(S);
            DoubleVector accI = DoubleVector.zero(S);
            for (int c = 0; c < lanes; c++) {
                DoubleVector xr = DoubleVector.broadcast(S, re[base + c]);
                DoubleVector xi = DoubleVector.broadcast(S, im[base + c]);
                DoubleVector mr = DoubleVector.fromArray(S, cr, c * lanes);
                accR = mr.fma(xr, accR);
                accI = mr.fma(xi, accI);
                accR = DoubleVector.fromArray(S, cn, c * lanes).fma(xi, accR);
                accI = DoubleVector.fromArray(S, ci, c * lanes).fma(xr, accI);
            }
            accR.intoArray(re, base);
            accI.intoArray(im, base);
        }
    }
}
