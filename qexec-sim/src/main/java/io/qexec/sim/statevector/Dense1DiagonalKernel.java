package io.qexec.sim.statevector;

/**
 * A 2x2 unitary on {@code target} followed by a split diagonal whose only possible control is
 * {@code target}, in one pass: the pattern of a QFT layer (h on qubit j, then every controlled
 * phase onto j). Each output amplitude is multiplied by the diagonal's factor for its index
 * (only the target-is-1 half when the target is the diagonal's control).
 */
final class Dense1DiagonalKernel implements Kernel {
    private final int fixed;
    private final int free;
    private final int run;
    private final int stride;
    private final boolean onlyOne;
    private final double m00r, m00i, m01r, m01i, m10r, m10i, m11r, m11i;
    /** Whether the 2x2 is real (h, ry, ...): half the arithmetic. */
    private final boolean real;
    private final int lowMask;
    private final int highMask;
    private final double[] lowRe;
    private final double[] lowIm;
    private final double[] highRe;
    private final double[] highIm;

    Dense1DiagonalKernel(Dense1Kernel dense, SplitDiagonalKernel diagonal) {
        int target = dense.target();
        if (dense.controls() != 0 || (diagonal.controls() & ~(1 << target)) != 0) {
            throw new IllegalArgumentException("only an uncontrolled 2x2 and a diagonal controlled at most by its target fuse");
        }
        this.stride = 1 << target;
        this.fixed = stride;
        this.free = ~fixed;
        this.run = Kernel.runLength(fixed);
        this.onlyOne = diagonal.controls() != 0;
        ComplexMatrix m = dense.matrix();
        m00r = m.re[0];
        m00i = m.im[0];
        m01r = m.re[1];
        m01i = m.im[1];
        m10r = m.re[2];
        m10i = m.im[2];
        m11r = m.re[3];
        m11i = m.im[3];
        this.real = m00i == 0 && m01i == 0 && m10i == 0 && m11i == 0;
        this.lowMask = diagonal.lowMask();
        this.highMask = diagonal.highMask();
        double[][] t = diagonal.tables();
        this.lowRe = t[0];
        this.lowIm = t[1];
        this.highRe = t[2];
        this.highIm = t[3];
    }

    /** Whether {@code dense} followed by {@code diagonal} can run as one kernel. */
    static boolean fits(Kernel dense, Kernel diagonal) {
        return dense instanceof Dense1Kernel d && diagonal instanceof SplitDiagonalKernel s && d.controls() == 0
                && (s.controls() & ~(1 << d.target())) == 0;
    }

    int stride() {
        return stride;
    }

    boolean onlyOne() {
        return onlyOne;
    }

    double[] matrix() {
        return new double[] {m00r, m00i, m01r, m01i, m10r, m10i, m11r, m11i};
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
        return fixed;
    }

    @Override
    public int highestQubit() {
        return 31 - Integer.numberOfLeadingZeros(fixed | highMask | lowMask);
    }

    @Override
    public double touchedFraction() {
        return 1;
    }

    @Override
    public void apply(double[] re, double[] im, int from, int to) {
        final double ar = m00r, ai = m00i, br = m01r, bi = m01i, cr = m10r, ci = m10i, dr = m11r, di = m11i;
        final int s = stride;
        final double[] lr = lowRe;
        final double[] li = lowIm;
        final double[] hr = highRe;
        final double[] hi = highIm;
        final int lm = lowMask;
        final int hm = highMask;
        final boolean both = !onlyOne;
        if (onlyOne && real && run >= Kernel.SHORT_RUN) {
            applyRealToOnes(re, im, from, to);
            return;
        }
        int k = from;
        while (k < to) {
            int end = run < Kernel.SHORT_RUN ? k + 1 : Math.min(to, (k | (run - 1)) + 1);
            int base = Integer.expand(k, free);
            int stop = base + (end - k);
            for (int a = base; a < stop; a++) {
                int b = a + s;
                double xr = re[a], xi = im[a], yr = re[b], yi = im[b];
                double ur = ar * xr - ai * xi + br * yr - bi * yi;
                double ui = ar * xi + ai * xr + br * yi + bi * yr;
                double vr = cr * xr - ci * xi + dr * yr - di * yi;
                double vi = cr * xi + ci * xr + dr * yi + di * yr;
                if (both) {
                    int h = Integer.compress(a, hm);
                    int l = a & lm;
                    double fr = hr[h] * lr[l] - hi[h] * li[l];
                    double fi = hr[h] * li[l] + hi[h] * lr[l];
                    double t = ur * fr - ui * fi;
                    ui = ur * fi + ui * fr;
                    ur = t;
                }
                int h = Integer.compress(b, hm);
                int l = b & lm;
                double fr = hr[h] * lr[l] - hi[h] * li[l];
                double fi = hr[h] * li[l] + hi[h] * lr[l];
                re[a] = ur;
                im[a] = ui;
                re[b] = vr * fr - vi * fi;
                im[b] = vr * fi + vi * fr;
            }
            k = end;
        }
    }

    /**
     * The QFT-layer case with a real 2x2 (h): the diagonal only on the target-is-1 half, walked in chunks over which
     * the high factor is constant, with the real matrix's half arithmetic.
     */
    private void applyRealToOnes(double[] re, double[] im, int from, int to) {
        final double a = m00r, b = m01r, c = m10r, d = m11r;
        final int s = stride;
        final double[] lr = lowRe;
        final double[] li = lowIm;
        final int lm = lowMask;
        int k = from;
        while (k < to) {
            int end = Math.min(to, (k | (run - 1)) + 1);
            int base = Integer.expand(k, free);
            int stop = base + (end - k);
            int x0 = base;
            while (x0 < stop) {
                // the target bit is no table bit, so x and x + s share the high factor within the chunk
                int chunkEnd = Math.min(stop, (x0 | lm) + 1);
                int h = Integer.compress(x0 + s, highMask);
                double gr = highRe[h];
                double gi = highIm[h];
                int l = (x0 + s) & lm;
                for (int x = x0; x < chunkEnd; x++, l++) {
                    int y = x + s;
                    double xr = re[x], xi = im[x], yr = re[y], yi = im[y];
                    re[x] = a * xr + b * yr;
                    im[x] = a * xi + b * yi;
                    double vr = c * xr + d * yr;
                    double vi = c * xi + d * yi;
                    double fr = gr * lr[l] - gi * li[l];
                    double fi = gr * li[l] + gi * lr[l];
                    re[y] = vr * fr - vi * fi;
                    im[y] = vr * fi + vi * fr;
                }
                x0 = chunkEnd;
            }
            k = end;
        }
    }
}
