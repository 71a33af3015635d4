package io.qexec.sim.statevector;

import java.util.Arrays;

/**
 * A diagonal operator as a table over an ascending list of qubits: entry {@code x} is the factor
 * for the basis states whose bit {@code j} of {@code x} equals the state of {@code qubits[j]}.
 * Mutable only while a fusion pass builds it.
 */
final class DiagonalTable {
    final int[] qubits;
    final double[] re;
    final double[] im;

    DiagonalTable(int[] qubits, double[] re, double[] im) {
        this.qubits = qubits;
        this.re = re;
        this.im = im;
    }

    /** The table of a diagonal gate (controls included) over its own qubits in ascending order. */
    static DiagonalTable of(Gate g) {
        int[] space = g.qubits().clone();
        Arrays.sort(space);
        return expand(g, space);
    }

    /** The table of diagonal gate {@code g} over {@code space} (ascending, containing every qubit of g). */
    static DiagonalTable expand(Gate g, int[] space) {
        ComplexMatrix full = g.fullMatrix();
        int[] own = g.fullQubits();
        int[] pos = positions(own, space);
        int d = 1 << space.length;
        double[] r = new double[d];
        double[] s = new double[d];
        for (int x = 0; x < d; x++) {
            int local = 0;
            for (int j = 0; j < own.length; j++) {
                local |= ((x >>> pos[j]) & 1) << j;
            }
            r[x] = full.re[local * full.dim + local];
            s[x] = full.im[local * full.dim + local];
        }
        return new DiagonalTable(space, r, s);
    }

    /** This table re-indexed over a larger ascending {@code space}. */
    DiagonalTable expandTo(int[] space) {
        if (Arrays.equals(space, qubits)) {
            return this;
        }
        int[] pos = positions(qubits, space);
        int d = 1 << space.length;
        double[] r = new double[d];
        double[] s = new double[d];
        for (int x = 0; x < d; x++) {
            int local = 0;
            for (int j = 0; j < qubits.length; j++) {
                local |= ((x >>> pos[j]) & 1) << j;
            }
            r[x] = re[local];
            s[x] = im[local];
        }
        return new DiagonalTable(space, r, s);
    }

    /** Elementwise product with another table over the same space. */
    DiagonalTable times(DiagonalTable other) {
        double[] r = new double[re.length];
        double[] s = new double[re.length];
        for (int x = 0; x < re.length; x++) {
            r[x] = re[x] * other.re[x] - im[x] * other.im[x];
            s[x] = re[x] * other.im[x] + im[x] * other.re[x];
        }
        return new DiagonalTable(qubits, r, s);
    }

    int mask() {
        int m = 0;
        for (int q : qubits) {
            m |= 1 << q;
        }
        return m;
    }

    /** Index bits whose factor a {@link SplitDiagonalKernel} stores expanded (16 KiB per table). */
    static final int LOW_BITS = 10;

    /** The kernel for this diagonal: qubits that leave the state alone when 0 become controls. */
    Kernel toKernel() {
        return toKernel(LOW_BITS);
    }

    /** As {@link #toKernel()}, splitting a factorable table at index bit {@code lowBits}. */
    Kernel toKernel(int lowBits) {
        int controls = 0;
        int[] rest = qubits;
        double[] r = re;
        double[] s = im;
        for (int j = rest.length - 1; j >= 0; j--) {
            if (isControl(r, s, j)) {
                controls |= 1 << rest[j];
                int half = r.length / 2;
                double[] nr = new double[half];
                double[] ns = new double[half];
                for (int x = 0; x < half; x++) {
                    int from = Integer.expand(x, ~(1 << j)) | (1 << j);
                    nr[x] = r[from];
                    ns[x] = s[from];
                }
                int[] nq = new int[rest.length - 1];
                for (int i = 0, k = 0; i < rest.length; i++) {
                    if (i != j) {
                        nq[k++] = rest[i];
                    }
                }
                rest = nq;
                r = nr;
                s = ns;
            }
        }
        if (rest.length == 0) {
            if (Math.abs(r[0] - 1) <= ComplexMatrix.EXACT && Math.abs(s[0]) <= ComplexMatrix.EXACT) {
                return null;
            }
            return new PhaseKernel(controls, r[0], s[0]);
        }
        if (rest.length == 1) {
            return new Diagonal1Kernel(controls, rest[0], r[0], s[0], r[1], s[1]);
        }
        int tableMask = 0;
        for (int q : rest) {
            tableMask |= 1 << q;
        }
        Kernel split = split(controls, rest, r, s, lowBits);
        return split != null ? split : new DiagonalKernel(controls, tableMask, r, s);
    }

    /**
     * A {@link SplitDiagonalKernel} when the table is a product of a factor over qubits below
     * {@code lowBits} and a factor over the others; otherwise null.
     */
    private static Kernel split(int controls, int[] qubits, double[] r, double[] s, int lowBits) {
        int p = 0;
        while (p < qubits.length && qubits[p] < lowBits) {
            p++;
        }
        int nLow = 1 << p;
        int nHigh = 1 << (qubits.length - p);
        // T[lo, hi] * T[0, 0] must equal T[lo, 0] * T[0, hi]; entries of a unitary diagonal are never 0
        double r00 = r[0];
        double s00 = s[0];
        for (int hi = 1; hi < nHigh; hi++) {
            for (int lo = 1; lo < nLow; lo++) {
                int x = lo | hi << p;
                double ar = r[x] * r00 - s[x] * s00;
                double ai = r[x] * s00 + s[x] * r00;
                double br = r[lo] * r[hi << p] - s[lo] * s[hi << p];
                double bi = r[lo] * s[hi << p] + s[lo] * r[hi << p];
                if (Math.abs(ar - br) > 1e-12 || Math.abs(ai - bi) > 1e-12) {
                    return null;
                }
            }
        }
        int lowMaskAll = (1 << lowBits) - 1;
        int lowTableMask = 0;
        for (int j = 0; j < p; j++) {
            lowTableMask |= 1 << qubits[j];
        }
        double[] lr = new double[1 << lowBits];
        double[] li = new double[1 << lowBits];
        for (int a = 0; a <= lowMaskAll; a++) {
            int lo = Integer.compress(a, lowTableMask);
            lr[a] = r[lo];
            li[a] = s[lo];
        }
        // high factor: T[0, hi] / T[0, 0] (|T[0,0]| = 1, so dividing is multiplying by the conjugate)
        int highMask = 0;
        for (int j = p; j < qubits.length; j++) {
            highMask |= 1 << qubits[j];
        }
        double[] hr = new double[nHigh];
        double[] hi = new double[nHigh];
        double norm = r00 * r00 + s00 * s00;
        for (int h = 0; h < nHigh; h++) {
            double tr = r[h << p];
            double ti = s[h << p];
            hr[h] = (tr * r00 + ti * s00) / norm;
            hi[h] = (ti * r00 - tr * s00) / norm;
        }
        return new SplitDiagonalKernel(controls, lowBits, lr, li, highMask, hr, hi);
    }

    private static boolean isControl(double[] r, double[] s, int bit) {
        for (int x = 0; x < r.length; x++) {
            if ((x & (1 << bit)) == 0
                    && (Math.abs(r[x] - 1) > ComplexMatrix.EXACT || Math.abs(s[x]) > ComplexMatrix.EXACT)) {
                return false;
            }
        }
        return true;
    }

    static int[] union(int[] a, int[] b) {
        int m = 0;
        for (int q : a) {
            m |= 1 << q;
        }
        for (int q : b) {
            m |= 1 << q;
        }
        return maskToQubits(m);
    }

    static int[] maskToQubits(int m) {
        int[] out = new int[Integer.bitCount(m)];
        for (int i = 0; m != 0; i++) {
            out[i] = Integer.numberOfTrailingZeros(m);
            m &= m - 1;
        }
        return out;
    }

    private static int[] positions(int[] own, int[] space) {
        int[] pos = new int[own.length];
        for (int j = 0; j < own.length; j++) {
            pos[j] = Arrays.binarySearch(space, own[j]);
            if (pos[j] < 0) {
                throw new IllegalArgumentException("qubit " + own[j] + " is not in " + Arrays.toString(space));
            }
        }
        return pos;
    }
}
