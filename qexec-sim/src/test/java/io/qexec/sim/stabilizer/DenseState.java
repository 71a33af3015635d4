package io.qexec.sim.stabilizer;

import io.qexec.circuit.Matrix;

/** A tiny dense state vector for checking the stabilizer engine (little-endian: bit q of the index is qubit q). */
final class DenseState {
    final int n;
    final double[] re;
    final double[] im;

    DenseState(int n) {
        this.n = n;
        this.re = new double[1 << n];
        this.im = new double[1 << n];
        re[0] = 1;
    }

    private DenseState(DenseState o) {
        this.n = o.n;
        this.re = o.re.clone();
        this.im = o.im.clone();
    }

    DenseState copy() {
        return new DenseState(this);
    }

    /** Applies a k-qubit unitary; argument j is bit j of the matrix index. */
    void apply(Matrix u, int... qubits) {
        int k = qubits.length;
        int d = 1 << k;
        int mask = 0;
        for (int q : qubits) {
            mask |= 1 << q;
        }
        double[] inRe = new double[d];
        double[] inIm = new double[d];
        int[] index = new int[d];
        for (int base = 0; base < re.length; base++) {
            if ((base & mask) != 0) {
                continue;
            }
            for (int local = 0; local < d; local++) {
                int idx = base;
                for (int j = 0; j < k; j++) {
                    if ((local >>> j & 1) != 0) {
                        idx |= 1 << qubits[j];
                    }
                }
                index[local] = idx;
                inRe[local] = re[idx];
                inIm[local] = im[idx];
            }
            for (int row = 0; row < d; row++) {
                double sr = 0;
                double si = 0;
                for (int col = 0; col < d; col++) {
                    double mr = u.re(row, col);
                    double mi = u.im(row, col);
                    sr += mr * inRe[col] - mi * inIm[col];
                    si += mr * inIm[col] + mi * inRe[col];
                }
                re[index[row]] = sr;
                im[index[row]] = si;
            }
        }
    }

    /** The probability that qubit q reads 1. */
    double probabilityOne(int q) {
        double p = 0;
        for (int i = 0; i < re.length; i++) {
            if ((i >>> q & 1) != 0) {
                p += re[i] * re[i] + im[i] * im[i];
            }
        }
        return p;
    }

    /** Projects qubit q onto {@code outcome} and renormalises (the outcome must have non-zero probability). */
    void project(int q, boolean outcome) {
        double p = outcome ? probabilityOne(q) : 1 - probabilityOne(q);
        double scale = 1 / Math.sqrt(p);
        for (int i = 0; i < re.length; i++) {
            if (((i >>> q & 1) != 0) != outcome) {
                re[i] = 0;
                im[i] = 0;
            } else {
                re[i] *= scale;
                im[i] *= scale;
            }
        }
    }

    /** Flips qubit q (X). */
    void flip(int q) {
        for (int i = 0; i < re.length; i++) {
            if ((i >>> q & 1) == 0) {
                int j = i | 1 << q;
                double tr = re[i];
                double ti = im[i];
                re[i] = re[j];
                im[i] = im[j];
                re[j] = tr;
                im[j] = ti;
            }
        }
    }

    /** The probability of each basis state. */
    double[] probabilities() {
        double[] p = new double[re.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = re[i] * re[i] + im[i] * im[i];
        }
        return p;
    }
}
