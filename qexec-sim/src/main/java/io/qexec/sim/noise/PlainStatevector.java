package io.qexec.sim.noise;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** A plain split-array statevector with one dense gather/scatter kernel: the trajectory sampler's own state. */
final class PlainStatevector implements TrajectoryState {
    private final int n;
    private final double[] re;
    private final double[] im;

    PlainStatevector(int n) {
        this.n = n;
        this.re = new double[1 << n];
        this.im = new double[1 << n];
        re[0] = 1;
    }

    /** The bytes one state of {@code n} qubits takes. */
    static long bytes(int n) {
        return n >= 59 ? Long.MAX_VALUE : 16L << n;
    }

    @Override
    public int numQubits() {
        return n;
    }

    @Override
    public void reset() {
        Arrays.fill(re, 0);
        Arrays.fill(im, 0);
        re[0] = 1;
    }

    @Override
    public void apply(double[] mr, double[] mi, int[] qubits) {
        if (qubits.length == 1) {
            apply1(mr, mi, qubits[0]);
            return;
        }
        int k = qubits.length;
        int size = 1 << k;
        int[] offsets = new int[size];
        for (int j = 0; j < size; j++) {
            for (int b = 0; b < k; b++) {
                if ((j >> b & 1) == 1) {
                    offsets[j] |= 1 << qubits[b];
                }
            }
        }
        int[] sorted = qubits.clone();
        Arrays.sort(sorted);
        double[] inRe = new double[size];
        double[] inIm = new double[size];
        int groups = re.length >> k;
        for (int g = 0; g < groups; g++) {
            int base = g;
            for (int p : sorted) {
                base = (base & ((1 << p) - 1)) | ((base >>> p) << (p + 1));
            }
            for (int j = 0; j < size; j++) {
                inRe[j] = re[base | offsets[j]];
                inIm[j] = im[base | offsets[j]];
            }
            for (int r = 0; r < size; r++) {
                double sr = 0;
                double si = 0;
                for (int c = 0; c < size; c++) {
                    double ar = mr[r * size + c];
                    double ai = mi[r * size + c];
                    sr += ar * inRe[c] - ai * inIm[c];
                    si += ar * inIm[c] + ai * inRe[c];
                }
                re[base | offsets[r]] = sr;
                im[base | offsets[r]] = si;
            }
        }
    }

    @Override
    public double[][] reducedDensityMatrix(int[] qubits) {
        if (qubits.length == 1) {
            return reduced1(qubits[0]);
        }
        int k = qubits.length;
        int d = 1 << k;
        double[] rr = new double[d * d];
        double[] ri = new double[d * d];
        int[] offsets = new int[d];
        for (int j = 0; j < d; j++) {
            for (int b = 0; b < k; b++) {
                if ((j >> b & 1) == 1) {
                    offsets[j] |= 1 << qubits[b];
                }
            }
        }
        int[] sorted = qubits.clone();
        Arrays.sort(sorted);
        int groups = re.length >> k;
        for (int g = 0; g < groups; g++) {
            int base = g;
            for (int p : sorted) {
                base = (base & ((1 << p) - 1)) | ((base >>> p) << (p + 1));
            }
            for (int a = 0; a < d; a++) {
                double ar = re[base | offsets[a]];
                double ai = im[base | offsets[a]];
                for (int b = 0; b < d; b++) {
                    double br = re[base | offsets[b]];
                    double bi = im[base | offsets[b]];
                    // psi_a * conj(psi_b)
                    rr[a * d + b] += ar * br + ai * bi;
                    ri[a * d + b] += ai * br - ar * bi;
                }
            }
        }
        return new double[][] {rr, ri};
    }

    @Override
    public void scale(double factor) {
        for (int i = 0; i < re.length; i++) {
            re[i] *= factor;
            im[i] *= factor;
        }
    }

    @Override
    public void project(int qubit, boolean outcome) {
        int bit = 1 << qubit;
        for (int i = 0; i < re.length; i++) {
            if (((i & bit) != 0) != outcome) {
                re[i] = 0;
                im[i] = 0;
            }
        }
    }

    @Override
    public double probabilityOfOne(int qubit) {
        int bit = 1 << qubit;
        double p = 0;
        for (int i = 0; i < re.length; i++) {
            if ((i & bit) != 0) {
                p += re[i] * re[i] + im[i] * im[i];
            }
        }
        return p;
    }

    @Override
    public long sampleIndex(RandomGenerator random) {
        double u = random.nextDouble();
        double total = 0;
        for (int i = 0; i < re.length; i++) {
            total += re[i] * re[i] + im[i] * im[i];
        }
        u *= total;
        double cum = 0;
        int last = 0;
        for (int i = 0; i < re.length; i++) {
            double p = re[i] * re[i] + im[i] * im[i];
            if (p > 0) {
                last = i;
                cum += p;
                if (u < cum) {
                    return i;
                }
            }
        }
        return last;
    }

    @Override
    public double[] probabilities() {
        double[] p = new double[re.length];
        for (int i = 0; i < re.length; i++) {
            p[i] = re[i] * re[i] + im[i] * im[i];
        }
        return p;
    }
    private void apply1(double[] mr, double[] mi, int qubit) {
        final double a = mr[0], b = mr[1], c = mr[2], d = mr[3];
        final double ai = mi[0], bi = mi[1], ci = mi[2], di = mi[3];
        int bit = 1 << qubit;
        for (int base = 0; base < re.length; base += 2 * bit) {
            for (int i = base, end = base + bit; i < end; i++) {
                int j = i | bit;
                double r0 = re[i], i0 = im[i], r1 = re[j], i1 = im[j];
                re[i] = a * r0 - ai * i0 + b * r1 - bi * i1;
                im[i] = a * i0 + ai * r0 + b * i1 + bi * r1;
                re[j] = c * r0 - ci * i0 + d * r1 - di * i1;
                im[j] = c * i0 + ci * r0 + d * i1 + di * r1;
            }
        }
    }

    private double[][] reduced1(int qubit) {
        int bit = 1 << qubit;
        double p0 = 0;
        double p1 = 0;
        double cr = 0;
        double ci = 0;
        for (int base = 0; base < re.length; base += 2 * bit) {
            for (int i = base, end = base + bit; i < end; i++) {
                int j = i | bit;
                double r0 = re[i], i0 = im[i], r1 = re[j], i1 = im[j];
                p0 += r0 * r0 + i0 * i0;
                p1 += r1 * r1 + i1 * i1;
                // psi_0 * conj(psi_1)
                cr += r0 * r1 + i0 * i1;
                ci += i0 * r1 - r0 * i1;
            }
        }
        return new double[][] {{p0, cr, cr, p1}, {0, ci, -ci, 0}};
    }
}
