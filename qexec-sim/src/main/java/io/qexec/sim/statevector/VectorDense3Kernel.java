package io.qexec.sim.statevector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API form of {@link Dense3Kernel} for blocks whose runs hold whole vectors (every target and
 * control at or above {@link VectorDenseLowKernel#LOW_QUBITS}): the eight amplitudes of a group are eight
 * vectors of neighbouring groups, kept in registers while the eight outputs are formed and stored one by
 * one. Short runs and range ends go to the scalar kernel.
 */
final class VectorDense3Kernel implements Kernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private final Dense3Kernel scalar;
    private final int controls;
    private final int free;
    private final int run;
    private final int[] offsets;
    private final double[] mr;
    private final double[] mi;
    private final double[] miNeg;

    VectorDense3Kernel(Dense3Kernel scalar) {
        this.scalar = scalar;
        this.controls = scalar.controls();
        int[] t = scalar.targets();
        int fixed = controls | 1 << t[0] | 1 << t[1] | 1 << t[2];
        this.free = ~fixed;
        this.run = Kernel.runLength(fixed);
        this.offsets = new int[8];
        for (int x = 0; x < 8; x++) {
            offsets[x] = (x & 1) << t[0] | ((x >>> 1) & 1) << t[1] | ((x >>> 2) & 1) << t[2];
        }
        ComplexMatrix m = scalar.matrix();
        this.mr = m.re.clone();
        this.mi = m.im.clone();
        this.miNeg = new double[mi.length];
        for (int i = 0; i < mi.length; i++) {
            miNeg[i] = -mi[i];
        }
    }

    /** Whether the scalar kernel's runs are long enough for whole vectors. */
    static boolean fits(Dense3Kernel k) {
        return Kernel.runLength(k.fixedMask()) >= S.length();
    }

    @Override
    public int fixedMask() {
        return scalar.fixedMask();
    }

    @Override
    public double touchedFraction() {
        return scalar.touchedFraction();
    }

    @Override
    public void apply(double[] re, double[] im, int from, int to) {
        final int lanes = S.length();
        final int o0 = offsets[0], o1 = offsets[1], o2 = offsets[2], o3 = offsets[3];
        final int o4 = offsets[4], o5 = offsets[5], o6 = offsets[6], o7 = offsets[7];
        final int[] off = offsets;
        final double[] r = mr;
        final double[] m = mi;
        final double[] n = miNeg;
        int k = from;
        while (k < to) {
            int end = Math.min(to, (k | (run - 1)) + 1);
            int len = end - k;
            int whole = len - len % lanes;
            int base = Integer.expand(k, free) | controls;
            for (int a = base, stop = base + whole; a < stop; a += lanes) {
                DoubleVector x0r = DoubleVector.fromArray(S, re, a + o0);
                DoubleVector x0i = DoubleVector.fromArray(S, im, a + o0);
                DoubleVector x1r = DoubleVector.fromArray(S, re, a + o1);
                DoubleVector x1i = DoubleVector.fromArray(S, im, a + o1);
                DoubleVector x2r = DoubleVector.fromArray(S, re, a + o2);
                DoubleVector x2i = DoubleVector.fromArray(S, im, a + o2);
                DoubleVector x3r = DoubleVector.fromArray(S, re, a + o3);
                DoubleVector x3i = DoubleVector.fromArray(S, im, a + o3);
                DoubleVector x4r = DoubleVector.fromArray(S, re, a + o4);
                DoubleVector x4i = DoubleVector.fromArray(S, im, a + o4);
                DoubleVector x5r = DoubleVector.fromArray(S, re, a + o5);
                DoubleVector x5i = DoubleVector.fromArray(S, im, a + o5);
                DoubleVector x6r = DoubleVector.fromArray(S, re, a + o6);
                DoubleVector x6i = DoubleVector.fromArray(S, im, a + o6);
                DoubleVector x7r = DoubleVector.fromArray(S, re, a + o7);
                DoubleVector x7i = DoubleVector.fromArray(S, im, a + o7);
                for (int i = 0; i < 8; i++) {
                    int o = i * 8;
                    DoubleVector accR = DoubleVector.zero(S);
                    DoubleVector accI = DoubleVector.zero(S);
                    accR = x0r.fma(DoubleVector.broadcast(S, r[o + 0]), accR);
                    accR = x0i.fma(DoubleVector.broadcast(S, n[o + 0]), accR);
                    accI = x0i.fma(DoubleVector.broadcast(S, r[o + 0]), accI);
                    accI = x0r.fma(DoubleVector.broadcast(S, m[o + 0]), accI);
                    accR = x1r.fma(DoubleVector.broadcast(S, r[o + 1]), accR);
                    accR = x1i.fma(DoubleVector.broadcast(S, n[o + 1]), accR);
                    accI = x1i.fma(DoubleVector.broadcast(S, r[o + 1]), accI);
                    accI = x1r.fma(DoubleVector.broadcast(S, m[o + 1]), accI);
                    accR = x2r.fma(DoubleVector.broadcast(S, r[o + 2]), accR);
                    accR = x2i.fma(DoubleVector.broadcast(S, n[o + 2]), accR);
                    accI = x2i.fma(DoubleVector.broadcast(S, r[o + 2]), accI);
                    accI = x2r.fma(DoubleVector.broadcast(S, m[o + 2]), accI);
                    accR = x3r.fma(DoubleVector.broadcast(S, r[o + 3]), accR);
                    accR = x3i.fma(DoubleVector.broadcast(S, n[o + 3]), accR);
                    accI = x3i.fma(DoubleVector.broadcast(S, r[o + 3]), accI);
                    accI = x3r.fma(DoubleVector.broadcast(S, m[o + 3]), accI);
                    accR = x4r.fma(DoubleVector.broadcast(S, r[o + 4]), accR);
                    accR = x4i.fma(DoubleVector.broadcast(S, n[o + 4]), accR);
                    accI = x4i.fma(DoubleVector.broadcast(S, r[o + 4]), accI);
                    accI = x4r.fma(DoubleVector.broadcast(S, m[o + 4]), accI);
                    accR = x5r.fma(DoubleVector.broadcast(S, r[o + 5]), accR);
                    accR = x5i.fma(DoubleVector.broadcast(S, n[o + 5]), accR);
                    accI = x5i.fma(DoubleVector.broadcast(S, r[o + 5]), accI);
                    accI = x5r.fma(DoubleVector.broadcast(S, m[o + 5]), accI);
                    accR = x6r.fma(DoubleVector.broadcast(S, r[o + 6]), accR);
                    accR = x6i.fma(DoubleVector.broadcast(S, n[o + 6]), accR);
                    accI = x6i.fma(DoubleVector.broadcast(S, r[o + 6]), accI);
                    accI = x6r.fma(DoubleVector.broadcast(S, m[o + 6]), accI);
                    accR = x7r.fma(DoubleVector.broadcast(S, r[o + 7]), accR);
                    accR = x7i.fma(DoubleVector.broadcast(S, n[o + 7]), accR);
                    accI = x7i.fma(DoubleVector.broadcast(S, r[o + 7]), accI);
                    accI = x7r.fma(DoubleVector.broadcast(S, m[o + 7]), accI);
                    accR.intoArray(re, a + off[i]);
                    accI.intoArray(im, a + off[i]);
                }
            }
            if (whole < len) {
                scalar.apply(re, im, k + whole, end);
            }
            k = end;
        }
    }
}
