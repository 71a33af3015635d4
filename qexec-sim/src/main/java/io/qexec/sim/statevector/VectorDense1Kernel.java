package io.qexec.sim.statevector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API form of {@link Dense1Kernel}. Runs shorter than a vector (targets below the lane
 * count), and range ends, go to the scalar kernel.
 */
final class VectorDense1Kernel implements Kernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private final Dense1Kernel scalar;
    private final int controls;
    private final int free;
    private final int run;
    private final int stride;
    private final double m00r, m00i, m01r, m01i, m10r, m10i, m11r, m11i;

    VectorDense1Kernel(Dense1Kernel scalar, int controls, int target, ComplexMatrix m) {
        this.scalar = scalar;
        this.controls = controls;
        this.stride = 1 << target;
        int fixed = controls | stride;
        this.free = ~fixed;
        this.run = Kernel.runLength(fixed);
        m00r = m.re[0];
        m00i = m.im[0];
        m01r = m.re[1];
        m01i = m.im[1];
        m10r = m.re[2];
        m10i = m.im[2];
        m11r = m.re[3];
        m11i = m.im[3];
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
        final DoubleVector ar = DoubleVector.broadcast(S, m00r);
        final DoubleVector ai = DoubleVector.broadcast(S, m00i);
        final DoubleVector nai = DoubleVector.broadcast(S, -m00i);
        final DoubleVector br = DoubleVector.broadcast(S, m01r);
        final DoubleVector bi = DoubleVector.broadcast(S, m01i);
        final DoubleVector nbi = DoubleVector.broadcast(S, -m01i);
        final DoubleVector cr = DoubleVector.broadcast(S, m10r);
        final DoubleVector ci = DoubleVector.broadcast(S, m10i);
        final DoubleVector nci = DoubleVector.broadcast(S, -m10i);
        final DoubleVector dr = DoubleVector.broadcast(S, m11r);
        final DoubleVector di = DoubleVector.broadcast(S, m11i);
        final DoubleVector ndi = DoubleVector.broadcast(S, -m11i);
        final int s = stride;
        int k = from;
        while (k < to) {
            int end = Math.min(to, (k | (run - 1)) + 1);
            int len = end - k;
            int whole = len - len % lanes;
            if (whole > 0) {
                int base = Integer.expand(k, free) | controls;
                for (int a = base, stop = base + whole; a < stop; a += lanes) {
                    int b = a + s;
                    DoubleVector xr = DoubleVector.fromArray(S, re, a);
                    DoubleVector xi = DoubleVector.fromArray(S, im, a);
                    DoubleVector yr = DoubleVector.fromArray(S, re, b);
                    DoubleVector yi = DoubleVector.fromArray(S, im, b);
                    xr.fma(ar, yr.fma(br, xi.fma(nai, yi.mul(nbi)))).intoArray(re, a);
                    xi.fma(ar, xr.fma(ai, yi.fma(br, yr.mul(bi)))).intoArray(im, a);
                    xr.fma(cr, yr.fma(dr, xi.fma(nci, yi.mul(ndi)))).intoArray(re, b);
                    xi.fma(cr, xr.fma(ci, yi.fma(dr, yr.mul(di)))).intoArray(im, b);
                }
            }
            if (whole < len) {
                scalar.apply(re, im, k + whole, end);
            }
            k = end;
        }
    }
}
