package io.qexec.circuit;

import java.util.Arrays;

/**
 * An immutable dense complex square matrix, stored row-major as split real and imaginary parts.
 *
 * <p>Gate matrices follow the little-endian (Qiskit) convention: a gate's first qubit argument is
 * the least-significant bit of the row and column index.
 */
public final class Matrix {
    private final int dimension;
    private final double[] re;
    private final double[] im;

    private Matrix(int dimension, double[] re, double[] im) {
        this.dimension = dimension;
        this.re = re;
        this.im = im;
    }

    /**
     * A matrix from row-major real and imaginary parts (copied).
     *
     * @throws IllegalArgumentException if the arrays are not of the same square size
     */
    public static Matrix of(double[] re, double[] im) {
        int d = (int) Math.round(Math.sqrt(re.length));
        if (d * d != re.length || im.length != re.length) {
            throw new IllegalArgumentException("not a square matrix: " + re.length + " real and " + im.length + " imaginary entries");
        }
        return new Matrix(d, re.clone(), im.clone());
    }

    /** The identity of the given dimension. */
    public static Matrix identity(int dimension) {
        double[] re = new double[dimension * dimension];
        for (int i = 0; i < dimension; i++) {
            re[i * dimension + i] = 1;
        }
        return new Matrix(dimension, re, new double[dimension * dimension]);
    }

    /** A diagonal matrix with entries {@code exp(i * phases[k])}. */
    public static Matrix diagonalPhases(double... phases) {
        int d = phases.length;
        double[] re = new double[d * d];
        double[] im = new double[d * d];
        for (int k = 0; k < d; k++) {
            re[k * d + k] = Math.cos(phases[k]);
            im[k * d + k] = Math.sin(phases[k]);
        }
        return new Matrix(d, re, im);
    }

    /** The 2x2 matrix with entries given as (re, im) pairs, row-major: a, b, c, d. */
    static Matrix of2x2(double aRe, double aIm, double bRe, double bIm, double cRe, double cIm, double dRe, double dIm) {
        return new Matrix(2, new double[] {aRe, bRe, cRe, dRe}, new double[] {aIm, bIm, cIm, dIm});
    }

    /** The number of rows (and columns). */
    public int dimension() {
        return dimension;
    }

    /** The number of qubits this matrix acts on, when its dimension is a power of two. */
    public int numQubits() {
        return Integer.numberOfTrailingZeros(dimension);
    }

    /** Real part of entry (row, column). */
    public double re(int row, int column) {
        return re[row * dimension + column];
    }

    /** Imaginary part of entry (row, column). */
    public double im(int row, int column) {
        return im[row * dimension + column];
    }

    /** A copy of the row-major real parts. */
    public double[] realParts() {
        return re.clone();
    }

    /** A copy of the row-major imaginary parts. */
    public double[] imaginaryParts() {
        return im.clone();
    }

    /** The product {@code this * other} (apply {@code other} first). */
    public Matrix multiply(Matrix other) {
        requireSameDimension(other);
        int d = dimension;
        double[] r = new double[d * d];
        double[] i = new double[d * d];
        for (int row = 0; row < d; row++) {
            for (int k = 0; k < d; k++) {
                double ar = re[row * d + k];
                double ai = im[row * d + k];
                if (ar == 0 && ai == 0) {
                    continue;
                }
                for (int col = 0; col < d; col++) {
                    double br = other.re[k * d + col];
                    double bi = other.im[k * d + col];
                    r[row * d + col] += ar * br - ai * bi;
                    i[row * d + col] += ar * bi + ai * br;
                }
            }
        }
        return new Matrix(d, r, i);
    }

    /** The product with a complex scalar {@code re + i im}. */
    public Matrix scale(double scalarRe, double scalarIm) {
        double[] r = new double[re.length];
        double[] i = new double[im.length];
        for (int k = 0; k < re.length; k++) {
            r[k] = re[k] * scalarRe - im[k] * scalarIm;
            i[k] = re[k] * scalarIm + im[k] * scalarRe;
        }
        return new Matrix(dimension, r, i);
    }

    /**
     * The tensor product with {@code low} acting on the less-significant index bits:
     * {@code this ⊗ low}, so {@code low}'s qubits come first in little-endian order.
     */
    public Matrix tensor(Matrix low) {
        int d = dimension * low.dimension;
        double[] r = new double[d * d];
        double[] i = new double[d * d];
        for (int a = 0; a < dimension; a++) {
            for (int b = 0; b < dimension; b++) {
                double xr = re[a * dimension + b];
                double xi = im[a * dimension + b];
                for (int c = 0; c < low.dimension; c++) {
                    for (int e = 0; e < low.dimension; e++) {
                        double yr = low.re[c * low.dimension + e];
                        double yi = low.im[c * low.dimension + e];
                        int row = a * low.dimension + c;
                        int col = b * low.dimension + e;
                        r[row * d + col] = xr * yr - xi * yi;
                        i[row * d + col] = xr * yi + xi * yr;
                    }
                }
            }
        }
        return new Matrix(d, r, i);
    }

    /** The conjugate transpose (the inverse, for a unitary). */
    public Matrix adjoint() {
        int d = dimension;
        double[] r = new double[d * d];
        double[] i = new double[d * d];
        for (int row = 0; row < d; row++) {
            for (int col = 0; col < d; col++) {
                r[col * d + row] = re[row * d + col];
                i[col * d + row] = -im[row * d + col];
            }
        }
        return new Matrix(d, r, i);
    }

    /** This matrix to an integer power; negative powers use the adjoint (valid for unitaries). */
    public Matrix power(int exponent) {
        Matrix base = exponent < 0 ? adjoint() : this;
        long e = Math.abs((long) exponent);
        Matrix result = identity(dimension);
        while (e > 0) {
            if ((e & 1) == 1) {
                result = result.multiply(base);
            }
            base = base.multiply(base);
            e >>= 1;
        }
        return result;
    }

    /**
     * This gate controlled on extra qubits placed before its own (as the less-significant bits): applies
     * when every control qubit is 1, or every control is 0 when {@code negated}.
     */
    public Matrix controlled(int controls, boolean negated) {
        int c = 1 << controls;
        int d = dimension * c;
        int active = negated ? 0 : c - 1;
        double[] r = new double[d * d];
        double[] i = new double[d * d];
        for (int row = 0; row < d; row++) {
            if ((row & (c - 1)) != active) {
                r[row * d + row] = 1;
            }
        }
        for (int a = 0; a < dimension; a++) {
            for (int b = 0; b < dimension; b++) {
                int row = a * c + active;
                int col = b * c + active;
                r[row * d + col] = re[a * dimension + b];
                i[row * d + col] = im[a * dimension + b];
            }
        }
        return new Matrix(d, r, i);
    }

    /** Whether the entries differ from {@code other}'s by at most {@code tolerance}. */
    public boolean approximatelyEquals(Matrix other, double tolerance) {
        if (other.dimension != dimension) {
            return false;
        }
        for (int k = 0; k < re.length; k++) {
            if (Math.abs(re[k] - other.re[k]) > tolerance || Math.abs(im[k] - other.im[k]) > tolerance) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code other} equals this matrix times some phase {@code exp(i phi)}, within tolerance. */
    public boolean equalsUpToGlobalPhase(Matrix other, double tolerance) {
        if (other.dimension != dimension) {
            return false;
        }
        int pivot = -1;
        double best = 0;
        for (int k = 0; k < re.length; k++) {
            double magnitude = Math.hypot(re[k], im[k]);
            if (magnitude > best) {
                best = magnitude;
                pivot = k;
            }
        }
        if (pivot < 0) {
            return other.approximatelyEquals(this, tolerance);
        }
        // phase = other[pivot] / this[pivot], normalised
        double ar = re[pivot];
        double ai = im[pivot];
        double br = other.re[pivot];
        double bi = other.im[pivot];
        double norm = ar * ar + ai * ai;
        double pr = (br * ar + bi * ai) / norm;
        double pi = (bi * ar - br * ai) / norm;
        double magnitude = Math.hypot(pr, pi);
        if (Math.abs(magnitude - 1) > tolerance) {
            return false;
        }
        return scale(pr / magnitude, pi / magnitude).approximatelyEquals(other, tolerance);
    }

    /** Whether this matrix times its adjoint is the identity, within tolerance. */
    public boolean isUnitary(double tolerance) {
        return multiply(adjoint()).approximatelyEquals(identity(dimension), tolerance);
    }

    /** Whether every off-diagonal entry is zero. */
    public boolean isDiagonal() {
        for (int row = 0; row < dimension; row++) {
            for (int col = 0; col < dimension; col++) {
                if (row != col && (re[row * dimension + col] != 0 || im[row * dimension + col] != 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void requireSameDimension(Matrix other) {
        if (other.dimension != dimension) {
            throw new IllegalArgumentException("dimension mismatch: " + dimension + " and " + other.dimension);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.dimension == dimension && Arrays.equals(m.re, re) && Arrays.equals(m.im, im);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(re) + Arrays.hashCode(im);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Matrix[");
        for (int row = 0; row < dimension; row++) {
            s.append(row == 0 ? "[" : ", [");
            for (int col = 0; col < dimension; col++) {
                if (col > 0) {
                    s.append(", ");
                }
                s.append(String.format(java.util.Locale.ROOT, "%.4f%+.4fi", re[row * dimension + col], im[row * dimension + col]));
            }
            s.append(']');
        }
        return s.append(']').toString();
    }
}
