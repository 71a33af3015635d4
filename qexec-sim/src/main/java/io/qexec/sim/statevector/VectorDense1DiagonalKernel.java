package io.qexec.sim.statevector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** The Vector API form of {@link Dense1DiagonalKernel}; short runs and range ends go to the scalar kernel. */
final class VectorDense1DiagonalKernel implements Kernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private final Dense1DiagonalKernel scalar;
    private final int free;
    private final int run;
    private final int stride;
    private final boolean onlyOne;
    private final double[] m;
    private final int lowMask;
    private final int highMask;
    private final double[] lowRe;
    private final double[] lowIm;
    private final double[] highRe;
    private final double[] highIm;

    VectorDense1DiagonalKernel(Dense1DiagonalKernel scalar) {
        this.scalar = scalar;
        this.stride = scalar.stride();
        this.free = ~stride;
        this.run = Kernel.runLength(stride);
        this.onlyOne = scalar.onlyOne();
        this.m = scalar.matrix();
        this.lowMask = scalar.lowMask();
        this.highMask = scalar.highMask();
        double[][] t = scalar.tables();
        this.lowRe = t[0];
        this.lowIm = t[1];
        this.highRe = t[2];
        this.highIm = t[3];
    }

    @Override
    public int fixedMask() {
        return scalar.fixedMask();
    }

    @Override
    public int highestQubit() {
        return scalar.highestQubit();
    }

    @Override
    public double touchedFraction() {
        return 1;
    }

    @Override
    public void apply(double[] re, double[] im, int from, int to) {
        final int lanes = S.length();
        if (run < lanes || lowMask + 1 < lanes) {
            scalar.apply(re, im, from, to);
            return;
        }
        final DoubleVector ar = DoubleVector.broadcast(S, m[0]);
        final DoubleVector ai = DoubleVector.broadcast(S, m[1]);
        final DoubleVector nai = DoubleVector.broadcast(S, -m[1]);
        final DoubleVector br = DoubleVector.broadcast(S, m[2]);
        final DoubleVector bi = DoubleVector.broadcast(S, m[3]);
        final DoubleVector nbi = DoubleVector.broadcast(S, -m[3]);
        final DoubleVector cr = DoubleVector.broadcast(S, m[4]);
        final DoubleVector ci = DoubleVector.broadcast(S, m[5]);
        final DoubleVector nci = DoubleVector.broadcast(S, -m[5]);
        final DoubleVector dr = DoubleVector.broadcast(S, m[6]);
        final DoubleVector di = DoubleVector.broadcast(S, m[7]);
        final DoubleVector ndi = DoubleVector.broadcast(S, -m[7]);
        final int s = stride;
        int k = from;
        while (k < to) {
            int end = Math.min(to, (k | (run - 1)) + 1);
            int len = end - k;
            int whole = len - len % lanes;
            if (whole > 0) {
                int base = Integer.expand(k, free);
                for (int a = base, stop = base + whole; a < stop; a += lanes) {
                    int b = a + s;
                    DoubleVector xr = DoubleVector.fromArray(S, re, a);
                    DoubleVector xi = DoubleVector.fromArray(S, im, a);
                    DoubleVector yr = DoubleVector.fromArray(S, re, b);
                    DoubleVector yi = DoubleVector.fromArray(S, im, b);
                    DoubleVector ur = xr.fma(ar, yr.fma(br, xi.fma(nai, yi.mul(nbi))));
                    DoubleVector ui = xi.fma(ar, xr.fma(ai, yi.fma(br, yr.mul(bi))));
                    DoubleVector vr = xr.fma(cr, yr.fma(dr, xi.fma(nci, yi.mul(ndi))));
                    DoubleVector vi = xi.fma(cr, xr.fma(ci, yi.fma(dr, yr.mul(di))));
                    if (!onlyOne) {
                        int h = Integer.compress(a, highMask);
                        int l = a & lowMask;
                        DoubleVector lr = DoubleVector.fromArray(S, lowRe, l);
                        DoubleVector li = DoubleVector.fromArray(S, lowIm, l);
                        DoubleVector fr = lr.mul(highRe[h]).sub(li.mul(highIm[h]));
                        DoubleVector fi = li.mul(highRe[h]).add(lr.mul(highIm[h]));
                        DoubleVector t = ur.mul(fr).sub(ui.mul(fi));
                        ui = ur.fma(fi, ui.mul(fr));
                        ur = t;
                    }
                    int h = Integer.compress(b, highMask);
                    int l = b & lowMask;
                    DoubleVector lr = DoubleVector.fromArray(S, lowRe, l);
                    DoubleVector li = DoubleVector.fromArray(S, lowIm, l);
                    DoubleVector gr = lr.mul(highRe[h]).sub(li.mul(highIm[h]));
                    DoubleVector gi = li.mul(highRe[h]).add(lr.mul(highIm[h]));
                    ur.intoArray(re, a);
                    ui.intoArray(im, a);
                    vr.mul(gr).sub(vi.mul(gi)).intoArray(re, b);
                    vr.fma(gi, vi.mul(gr)).intoArray(im, b);
                }
            }
            if (whole < len) {
                scalar.apply(re, im, k + whole, end);
            }
            k = end;
        }
    }
}
