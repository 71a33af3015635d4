package io.qexec.sim.statevector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API form of {@link Dense2Kernel}: processes {@code lanes} consecutive amplitude groups per
 * step. Runs shorter than a vector, and range ends, go to the scalar kernel.
 */
final class VectorDense2Kernel implements Kernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private final Dense2Kernel scalar;
    private final int controls;
    private final int free;
    private final int run;
    private final int[] offsets;
    private final double[] mr;
    private final double[] mi;

    VectorDense2Kernel(Dense2Kernel scalar, int controls, int[] targets, ComplexMatrix m) {
        this.scalar = scalar;
        this.controls = controls;
        int fixed = controls;
        for (int q : targets) {
            fixed |= 1 << q;
        }
        this.free = ~fixed;
        this.run = Kernel.runLength(fixed);
        this.offsets = new int[4];
        for (int x = 0; x < 4; x++) {
            int o = 0;
            for (int j = 0; j < targets.length; j++) {
                o |= ((x >>> j) & 1) << targets[j];
            }
            offsets[x] = o;
        }
        this.mr = m.re.clone();
        this.mi = m.im.clone();
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
        if (run < lanes) {
            scalar.apply(re, im, from, to);
            return;
        }
        final int[] off = offsets;
        final int o0 = off[0], o1 = off[1], o2 = off[2], o3 = off[3];
        final double[] r = mr;
        final double[] m = mi;
        int k = from;
        while (k < to) {
            int end = Math.min(to, (k | (run - 1)) + 1);
            int len = end - k;
            int whole = len - len % lanes;
            if (whole > 0) {
                int base = Integer.expand(k, free) | controls;
                for (int a = base, stop = base + whole; a < stop; a += lanes) {
                    DoubleVector x0r = DoubleVector.fromArray(S, re, a + o0), x0i = DoubleVector.fromArray(S, im, a + o0);
                    DoubleVector x1r = DoubleVector.fromArray(S, re, a + o1), x1i = DoubleVector.fromArray(S, im, a + o1);
                    DoubleVector x2r = DoubleVector.fromArray(S, re, a + o2), x2i = DoubleVector.fromArray(S, im, a + o2);
                    DoubleVector x3r = DoubleVector.fromArray(S, re, a + o3), x3i = DoubleVector.fromArray(S, im, a + o3);
                    DoubleVector ar0 = x0r.mul(r[0]).sub(x0i.mul(m[0]));
                    DoubleVector ai0 = x0i.mul(r[0]).add(x0r.mul(m[0]));
                    ar0 = x1r.fma(DoubleVector.broadcast(S, r[1]), ar0).sub(x1i.mul(m[1]));
                    ai0 = x1i.fma(DoubleVector.broadcast(S, r[1]), ai0).add(x1r.mul(m[1]));
                    ar0 = x2r.fma(DoubleVector.broadcast(S, r[2]), ar0).sub(x2i.mul(m[2]));
                    ai0 = x2i.fma(DoubleVector.broadcast(S, r[2]), ai0).add(x2r.mul(m[2]));
                    ar0 = x3r.fma(DoubleVector.broadcast(S, r[3]), ar0).sub(x3i.mul(m[3]));
                    ai0 = x3i.fma(DoubleVector.broadcast(S, r[3]), ai0).add(x3r.mul(m[3]));
                    DoubleVector ar1 = x0r.mul(r[4]).sub(x0i.mul(m[4]));
                    DoubleVector ai1 = x0i.mul(r[4]).add(x0r.mul(m[4]));
                    ar1 = x1r.fma(DoubleVector.broadcast(S, r[5]), ar1).sub(x1i.mul(m[5]));
                    ai1 = x1i.fma(DoubleVector.broadcast(S, r[5]), ai1).add(x1r.mul(m[5]));
                    ar1 = x2r.fma(DoubleVector.broadcast(S, r[6]), ar1).sub(x2i.mul(m[6]));
                    ai1 = x2i.fma(DoubleVector.broadcast(S, r[6]), ai1).add(x2r.mul(m[6]));
                    ar1 = x3r.fma(DoubleVector.broadcast(S, r[7]), ar1).sub(x3i.mul(m[7]));
                    ai1 = x3i.fma(DoubleVector.broadcast(S, r[7]), ai1).add(x3r.mul(m[7]));
                    DoubleVector ar2 = x0r.mul(r[8]).sub(x0i.mul(m[8]));
                    DoubleVector ai2 = x0i.mul(r[8]).add(x0r.mul(m[8]));
                    ar2 = x1r.fma(DoubleVector.broadcast(S, r[9]), ar2).sub(x1i.mul(m[9]));
                    ai2 = x1i.fma(DoubleVector.broadcast(S, r[9]), ai2).add(x1r.mul(m[9]));
                    ar2 = x2r.fma(DoubleVector.broadcast(S, r[10]), ar2).sub(x2i.mul(m[10]));
                    ai2 = x2i.fma(DoubleVector.broadcast(S, r[10]), ai2).add(x2r.mul(m[10]));
                    ar2 = x3r.fma(DoubleVector.broadcast(S, r[11]), ar2).sub(x3i.mul(m[11]));
                    ai2 = x3i.fma(DoubleVector.broadcast(S, r[11]), ai2).add(x3r.mul(m[11]));
                    DoubleVector ar3 = x0r.mul(r[12]).sub(x0i.mul(m[12]));
                    DoubleVector ai3 = x0i.mul(r[12]).add(x0r.mul(m[12]));
                    ar3 = x1r.fma(DoubleVector.broadcast(S, r[13]), ar3).sub(x1i.mul(m[13]));
                    ai3 = x1i.fma(DoubleVector.broadcast(S, r[13]), ai3).add(x1r.mul(m[13]));
                    ar3 = x2r.fma(DoubleVector.broadcast(S, r[14]), ar3).sub(x2i.mul(m[14]));
                    ai3 = x2i.fma(DoubleVector.broadcast(S, r[14]), ai3).add(x2r.mul(m[14]));
                    ar3 = x3r.fma(DoubleVector.broadcast(S, r[15]), ar3).sub(x3i.mul(m[15]));
                    ai3 = x3i.fma(DoubleVector.broadcast(S, r[15]), ai3).add(x3r.mul(m[15]));
                    ar0.intoArray(re, a + o0);
                    ai0.intoArray(im, a + o0);
                    ar1.intoArray(re, a + o1);
                    ai1.intoArray(im, a + o1);
                    ar2.intoArray(re, a + o2);
                    ai2.intoArray(im, a + o2);
                    ar3.intoArray(re, a + o3);
                    ai3.intoArray(im, a + o3);
                }
            }
            if (whole < len) {
                scalar.apply(re, im, k + whole, end);
            }
            k = end;
        }
    }
}
