package io.qexec.sim.statevector;

/** A general 2x2 unitary on one target, optionally controlled. */
final class Dense1Kernel implements Kernel {
    private final int controls;
    private final int fixed;
    private final int free;
    private final int run;
    private final int stride;
    private final double m00r, m00i, m01r, m01i, m10r, m10i, m11r, m11i;
    private final int target;
    private final ComplexMatrix matrix;

    Dense1Kernel(int controls, int target, ComplexMatrix m) {
        this.controls = controls;
        this.target = target;
        this.matrix = m;
        this.stride = 1 << target;
        this.fixed = controls | stride;
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

    int controls() {
        return controls;
    }

    int target() {
        return target;
    }

    ComplexMatrix matrix() {
        return matrix;
    }

    @Override
    public int fixedMask() {
        return fixed;
    }

    @Override
    public double touchedFraction() {
        return 1.0 / (1L << Integer.bitCount(controls));
    }

    @Override
    public void apply(double[] re, double[] im, int from, int to) {
        final double ar = m00r, ai = m00i, br = m01r, bi = m01i, cr = m10r, ci = m10i, dr = m11r, di = m11i;
        final int s = stride;
        if (run < Kernel.SHORT_RUN) {
            // the contiguous runs are too short to pay for a loop each: one index per step
            for (int k = from; k < to; k++) {
                int a = Integer.expand(k, free) | controls;
                int b = a + s;
                double xr = re[a], xi = im[a], yr = re[b], yi = im[b];
                re[a] = ar * xr - ai * xi + br * yr - bi * yi;
                im[a] = ar * xi + ai * xr + br * yi + bi * yr;
                re[b] = cr * xr - ci * xi + dr * yr - di * yi;
                im[b] = cr * xi + ci * xr + dr * yi + di * yr;
            }
            return;
        }
        int k = from;
        while (k < to) {
            int end = Math.min(to, (k | (run - 1)) + 1);
            int base = Integer.expand(k, free) | controls;
            int stop = base + (end - k);
            for (int a = base; a < stop; a++) {
                int b = a + s;
                double xr = re[a], xi = im[a], yr = re[b], yi = im[b];
                re[a] = ar * xr - ai * xi + br * yr - bi * yi;
                im[a] = ar * xi + ai * xr + br * yi + bi * yr;
                re[b] = cr * xr - ci * xi + dr * yr - di * yi;
                im[b] = cr * xi + ci * xr + dr * yi + di * yr;
            }
            k = end;
        }
    }
}
