package io.qexec.sim.statevector;

/** A (multi-)controlled X: swaps amplitude pairs, no arithmetic (x, cx, ccx, mcx). */
final class PermuteXKernel implements Kernel {
    private final int controls;
    private final int fixed;
    private final int free;
    private final int run;
    private final int stride;

    PermuteXKernel(int controls, int target) {
        this.controls = controls;
        this.stride = 1 << target;
        this.fixed = controls | stride;
        this.free = ~fixed;
        this.run = Kernel.runLength(fixed);
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
        final int s = stride;
        if (run < Kernel.SHORT_RUN) {
            // the contiguous runs are too short to pay for a loop each: one index per step
            for (int k = from; k < to; k++) {
                int a = Integer.expand(k, free) | controls;
                int b = a + s;
                double x = re[a];
                re[a] = re[b];
                re[b] = x;
                double y = im[a];
                im[a] = im[b];
                im[b] = y;
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
                double x = re[a];
                re[a] = re[b];
                re[b] = x;
                double y = im[a];
                im[a] = im[b];
                im[b] = y;
            }
            k = end;
        }
    }
}
