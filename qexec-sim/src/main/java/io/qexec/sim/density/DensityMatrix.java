package io.qexec.sim.density;

/**
 * A density matrix of {@code n} qubits as split real and imaginary arrays of {@code 4^n} entries; entry
 * (row, column) is at index {@code (row << n) | column}. Qubit {@code q} is bit {@code q} of the column and
 * bit {@code n + q} of the flat index on the row side.
 */
final class DensityMatrix {
    final int n;
    final double[] re;
    final double[] im;

    private DensityMatrix(int n, double[] re, double[] im) {
        this.n = n;
        this.re = re;
        this.im = im;
    }

    /** The bytes a density matrix of {@code n} qubits needs. */
    static long bytes(int n) {
        return n >= 31 ? Long.MAX_VALUE : 16L << (2 * n);
    }

    /** |0...0><0...0|. */
    static DensityMatrix zero(int n) {
        int size = 1 << (2 * n);
        DensityMatrix d = new DensityMatrix(n, new double[size], new double[size]);
        d.re[0] = 1;
        return d;
    }

    /** A copy. */
    DensityMatrix copy() {
        return new DensityMatrix(n, re.clone(), im.clone());
    }

    /** Entry (row, column), real part. */
    double re(int row, int column) {
        return re[(row << n) | column];
    }

    /** Entry (row, column), imaginary part. */
    double im(int row, int column) {
        return im[(row << n) | column];
    }

    /** The trace (real; the probability weight of an unnormalised branch). */
    double trace() {
        double t = 0;
        int dim = 1 << n;
        for (int i = 0; i < dim; i++) {
            t += re[(i << n) | i];
        }
        return t;
    }

    /** The diagonal: the probability of each basis state (clamped at zero against rounding). */
    double[] diagonal() {
        int dim = 1 << n;
        double[] p = new double[dim];
        for (int i = 0; i < dim; i++) {
            p[i] = Math.max(0, re[(i << n) | i]);
        }
        return p;
    }

    /** {@code P rho P} with {@code P} the projector on {@code qubit = outcome}, as a new matrix. */
    DensityMatrix projected(int qubit, boolean outcome) {
        DensityMatrix d = copy();
        int colBit = 1 << qubit;
        int rowBit = 1 << (n + qubit);
        int want = outcome ? 1 : 0;
        for (int i = 0; i < re.length; i++) {
            int c = (i & colBit) == 0 ? 0 : 1;
            int r = (i & rowBit) == 0 ? 0 : 1;
            if (c != want || r != want) {
                d.re[i] = 0;
                d.im[i] = 0;
            }
        }
        return d;
    }

    /** {@code this *= factor}. */
    void scale(double factor) {
        for (int i = 0; i < re.length; i++) {
            re[i] *= factor;
            im[i] *= factor;
        }
    }

    /** {@code this += factor * other}. */
    void addScaled(DensityMatrix other, double factor) {
        for (int i = 0; i < re.length; i++) {
            re[i] += factor * other.re[i];
            im[i] += factor * other.im[i];
        }
    }
}
