package io.qexec.sim.statevector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API form of {@link SplitDiagonalKernel}: the low factor is read a vector at a time and
 * multiplied by the chunk's high factor, then into the amplitudes. Short runs and range ends go to
 * the scalar kernel.
 */
final class VectorSplitDiagonalKernel implements Kernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private final SplitDiagonalKernel scalar;
    private final int controls;
    private final int free;
    private final int run;
    private final int lowMask;
    private final int highMask;
    private final double[] lowRe;
    private final double[] lowIm;
    private final double[] highRe;
    private final double[] highIm;

    VectorSplitDiagonalKernel(SplitDiagonalKernel scalar) {
        this.scalar = scalar;
        this.controls = scalar.controls();
        this.free = ~controls;
        this.run = Kernel.runLength(controls);
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
        return scalar.touchedFraction();
    }

    @Override
    public void apply(double[] re, double[] im, int from, int to) {
        final int lanes = S.length();
        final int chunk = lowMask + 1;
        if (run < lanes || chunk < lanes) {
            scalar.apply(re, im, from, to);
            return;
        }
        int k = from;
        while (k < to) {
            int end = Math.min(to, (k | (run - 1)) + 1);
            int base = Integer.expand(k, free) | controls;
            int stop = base + (end - k);
            int a = base;
            while (a < stop) {
                int chunkEnd = Math.min(stop, (a | (chunk - 1)) + 1);
                int h = Integer.compress(a, highMask);
                DoubleVector hr = DoubleVector.broadcast(S, highRe[h]);
                DoubleVector hi = DoubleVector.broadcast(S, highIm[h]);
                DoubleVector nhi = hi.neg();
                int lo = a & lowMask;
                int whole = (chunkEnd - a) - (chunkEnd - a) % lanes;
                for (int x = a, stop2 = a + whole; x < stop2; x += lanes, lo += lanes) {
                    DoubleVector lr = DoubleVector.fromArray(S, lowRe, lo);
                    DoubleVector li = DoubleVector.fromArray(S, lowIm, lo);
                    DoubleVector cr = lr.fma(hr, li.mul(nhi));
                    DoubleVector ci = li.fma(hr, lr.mul(hi));
                    DoubleVector vr = DoubleVector.fromArray(S, re, x);
                    DoubleVector vi = DoubleVector.fromArray(S, im, x);
                    vr.fma(cr, vi.mul(ci).neg()).intoArray(re, x);
                    vr.fma(ci, vi.mul(cr)).intoArray(im, x);
                }
                if (a + whole < chunkEnd) {
                    // the scalar kernel walks work items; map the tail back to them
                    int tailFrom = Integer.compress(a + whole, free);
                    int tailTo = Integer.compress(chunkEnd - 1, free) + 1;
                    scalar.apply(re, im, tailFrom, tailTo);
                }
                a = chunkEnd;
            }
            k = end;
        }
    }
}
