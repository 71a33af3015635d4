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

    /** The kernel for this diagonal: qubits that leave the state alone when 0 become controls. */
    Kernel toKernel() {
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
        return new DiagonalKernel(controls, tableMask, r, s);
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
