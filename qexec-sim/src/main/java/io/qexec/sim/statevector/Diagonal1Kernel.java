package io.qexec.sim.statevector;

/** A diagonal 2x2 {@code diag(d0, d1)} on one target, optionally controlled (rz and fused 1-qubit diagonals). */
final class Diagonal1Kernel implements Kernel {
    private final int controls;
    private final int fixed;
    private final int free;
    private final int run;
    private final int stride;
    private final double r0, i0, r1, i1;

    Diagonal1Kernel(int controls, int target, double r0, double i0, double r1, double i1) {
        this.controls = controls;
        this.stride = 1 << target;
        this.fixed = controls | stride;
        this.free = ~fixed;
        this.run = Kernel.runLength(fixed);
        this.r0 = r0;
        this.i0 = i0;
        this.r1 = r1;
        this.i1 = i1;
    }

    int controls() {
        return controls;
    }

    int target() {
        return Integer.numberOfTrailingZeros(stride);
    }

    /** The two diagonal entries: re0, im0, re1, im1. */
    double[] entries() {
        return new double[] {r0, i0, r1, i1};
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
        final double ar = r0, ai = i0, br = r1, bi = i1;
        final int s = stride;
        if (run < Kernel.SHORT_RUN) {
            // the contiguous runs are too short to pay for a loop each: one index per step
            for (int k = from; k < to; k++) {
                int a = Integer.expand(k, free) | controls;
                double x = re[a];
                double y = im[a];
                re[a] = x * ar - y * ai;
                im[a] = x * ai + y * ar;
                int b = a + s;
                x = re[b];
                y = im[b];
                re[b] = x * br - y * bi;
                im[b] = x * bi + y * br;
            }
            return;
        }
        int k = from;
        while (k < to) {
            int end = Math.min(to, (k | (run - 1)) + 1);
            int base = Integer.expand(k, free) | controls;
            int stop = base + (end - k);
            for (int a = base; a < stop; a++) {
                double x = re[a];
                double y = im[a];
                re[a] = x * ar - y * ai;
                im[a] = x * ai + y * ar;
                int b = a + s;
                x = re[b];
                y = im[b];
                re[b] = x * br - y * bi;
                im[b] = x * bi + y * br;
            }
            k = end;
        }
    }
}
