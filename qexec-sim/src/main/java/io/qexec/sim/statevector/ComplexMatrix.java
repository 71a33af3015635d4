package io.qexec.sim.statevector;

import java.util.Arrays;

/**
 * A dense square complex matrix in row-major split (real, imaginary) arrays. Index bit {@code j}
 * of a row or column is the state of the {@code j}-th qubit the matrix acts on (little-endian, as
 * in Qiskit). Instances are treated as immutable once built.
 */
final class ComplexMatrix {
    /** Tolerance under which two entries count as equal when classifying a matrix. */
    static final double EXACT = 1e-13;

    final int dim;
    final double[] re;
    final double[] im;

    ComplexMatrix(int dim, double[] re, double[] im) {
        if (re.length != dim * dim || im.length != dim * dim) {
            throw new IllegalArgumentException("matrix of dimension " + dim + " needs " + dim * dim + " entries");
        }
        this.dim = dim;
        this.re = re;
        this.im = im;
    }

    static ComplexMatrix identity(int dim) {
        double[] re = new double[dim * dim];
        for (int i = 0; i < dim; i++) {
            re[i * dim + i] = 1;
        }
        return new ComplexMatrix(dim, re, new double[dim * dim]);
    }

    static ComplexMatrix diagonal(double[] dre, double[] dim) {
        int d = dre.length;
        double[] re = new double[d * d];
        double[] im = new double[d * d];
        for (int i = 0; i < d; i++) {
            re[i * d + i] = dre[i];
            im[i * d + i] = dim[i];
        }
        return new ComplexMatrix(d, re, im);
    }

    int qubits() {
        return Integer.numberOfTrailingZeros(dim);
    }

    /** Returns {@code this · other} (apply {@code other} first). */
    ComplexMatrix times(ComplexMatrix other) {
        int d = dim;
        double[] r = new double[d * d];
        double[] s = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double ar = re[i * d + k];
                double ai = im[i * d + k];
                if (ar == 0 && ai == 0) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    double br = other.re[k * d + j];
                    double bi = other.im[k * d + j];
                    r[i * d + j] += ar * br - ai * bi;
                    s[i * d + j] += ar * bi + ai * br;
                }
            }
        }
        return new ComplexMatrix(d, r, s);
    }

    boolean isDiagonal() {
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                if (i != j && (Math.abs(re[i * dim + j]) > EXACT || Math.abs(im[i * dim + j]) > EXACT)) {
                    return false;
                }
            }
        }
        return true;
    }

    boolean isEntry(int row, int col, double r, double i) {
        return Math.abs(re[row * dim + col] - r) <= EXACT && Math.abs(im[row * dim + col] - i) <= EXACT;
    }

    /** True when the matrix maps basis state {@code from} to basis state {@code to} with amplitude exactly 1. */
    boolean isPermutation(int[] image) {
        for (int c = 0; c < dim; c++) {
            for (int r = 0; r < dim; r++) {
                if (!isEntry(r, c, r == image[c] ? 1 : 0, 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    boolean isIdentity() {
        int[] image = new int[dim];
        Arrays.setAll(image, i -> i);
        return isPermutation(image);
    }

    /**
     * Whether matrix index bit {@code bit} behaves as a control: the matrix is the identity on
     * every row and column whose bit is 0.
     */
    boolean isControlBit(int bit) {
        int m = 1 << bit;
        for (int r = 0; r < dim; r++) {
            for (int c = 0; c < dim; c++) {
                if (((r & m) == 0 || (c & m) == 0) && !isEntry(r, c, r == c ? 1 : 0, 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The block of rows and columns whose {@code bit} is 1, with that bit removed from the index. */
    ComplexMatrix controlledBlock(int bit) {
        int d = dim / 2;
        double[] r = new double[d * d];
        double[] s = new double[d * d];
        for (int i = 0; i < d; i++) {
            int row = Integer.expand(i, ~(1 << bit)) | (1 << bit);
            for (int j = 0; j < d; j++) {
                int col = Integer.expand(j, ~(1 << bit)) | (1 << bit);
                r[i * d + j] = re[row * dim + col];
                s[i * d + j] = im[row * dim + col];
            }
        }
        return new ComplexMatrix(d, r, s);
    }

    /**
     * The matrix of this operator, acting on {@code own} qubits, as an operator on {@code space}
     * (which must contain every qubit of {@code own}); position {@code j} of either array is index
     * bit {@code j} of the respective matrix.
     */
    ComplexMatrix embed(int[] own, int[] space) {
        int k = space.length;
        int d = 1 << k;
        int[] pos = new int[own.length];
        int ownMask = 0;
        for (int i = 0; i < own.length; i++) {
            pos[i] = indexOf(space, own[i]);
            ownMask |= 1 << pos[i];
        }
        int[] local = new int[d];
        for (int x = 0; x < d; x++) {
            int g = 0;
            for (int i = 0; i < own.length; i++) {
                g |= ((x >>> pos[i]) & 1) << i;
            }
            local[x] = g;
        }
        double[] r = new double[d * d];
        double[] s = new double[d * d];
        for (int row = 0; row < d; row++) {
            for (int col = 0; col < d; col++) {
                if ((row & ~ownMask) != (col & ~ownMask)) {
                    continue;
                }
                int e = local[row] * dim + local[col];
                r[row * d + col] = re[e];
                s[row * d + col] = im[e];
            }
        }
        return new ComplexMatrix(d, r, s);
    }

    /** The matrix of "apply this to targets when every control is 1" on (targets, then controls). */
    ComplexMatrix withControls(int controls) {
        int d = dim << controls;
        ComplexMatrix full = identity(d);
        int offset = (d - 1) & ~(dim - 1); // every control bit set
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                full.re[(offset | i) * d + (offset | j)] = re[i * dim + j];
                full.im[(offset | i) * d + (offset | j)] = im[i * dim + j];
            }
        }
        return full;
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new IllegalArgumentException("qubit " + v + " is not in " + Arrays.toString(a));
    }
}
