package io.qexec.sim.statevector;

/**
 * A diagonal that factors into a part over the low {@code lowBits} index bits and a part over
 * higher table qubits, applied where every control bit is 1. The low part is stored expanded (one
 * entry per low index), so the inner loop reads it contiguously and the high part is one constant
 * per chunk of {@code 2^lowBits} amplitudes. Fused controlled-phase runs (a QFT layer) take this form.
 */
final class SplitDiagonalKernel implements Kernel {
    private final int controls;
    private final int free;
    private final int run;
    private final int lowMask;
    private final int highMask;
    private final double[] lowRe;
    private final double[] lowIm;
    private final double[] highRe;
    private final double[] highIm;

    SplitDiagonalKernel(int controls, int lowBits, double[] lowRe, double[] lowIm, int highMask, double[] highRe,
            double[] highIm) {
        if (lowRe.length != 1 << lowBits || highRe.length != 1 << Integer.bitCount(highMask)
                || (highMask & ((1 << lowBits) - 1)) != 0) {
            throw new IllegalArgumentException("inconsistent split diagonal");
        }
        this.controls = controls;
        this.free = ~controls;
        this.run = Kernel.runLength(controls);
        this.lowMask = (1 << lowBits) - 1;
        this.highMask = highMask;
        this.lowRe = lowRe;
        this.lowIm = lowIm;
        this.highRe = highRe;
        this.highIm = highIm;
    }

    int controls() {
        return controls;
    }

    int lowMask() {
        return lowMask;
    }

    int highMask() {
        return highMask;
    }

    double[][] tables() {
        return new double[][] {lowRe, lowIm, highRe, highIm};
    }

    @Override
    public int fixedMask() {
        return controls;
    }

    @Override
    public int highestQubit() {
        return 31 - Integer.numberOfLeadingZeros(controls | highMask | lowMask);
    }

    @Override
    public double touchedFraction() {
        return 1.0 / (1L << Integer.bitCount(controls));
    }

    @Override
    public void apply(double[] re, double[] im, int from, int to) {
        final double[] lr = lowRe;
        final double[] li = lowIm;
        final int chunk = lowMask + 1;
        if (run < Kernel.SHORT_RUN) {
            // the contiguous runs are too short to pay for a loop each: one index per step
            for (int k = from; k < to; k++) {
                int a = Integer.expand(k, free) | controls;
                int h = Integer.compress(a, highMask);
                int lo = a & lowMask;
                double cr = highRe[h] * lr[lo] - highIm[h] * li[lo];
                double ci = highRe[h] * li[lo] + highIm[h] * lr[lo];
                double vr = re[a];
                double vi = im[a];
                re[a] = vr * cr - vi * ci;
                im[a] = vr * ci + vi * cr;
            }
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
                double hr = highRe[h];
                double hi = highIm[h];
                int lo = a & lowMask;
                for (int x = a; x < chunkEnd; x++, lo++) {
                    double cr = hr * lr[lo] - hi * li[lo];
                    double ci = hr * li[lo] + hi * lr[lo];
                    double vr = re[x];
                    double vi = im[x];
                    re[x] = vr * cr - vi * ci;
                    im[x] = vr * ci + vi * cr;
                }
                a = chunkEnd;
            }
            k = end;
        }
    }
}
