package io.qexec.sim.statevector;

/** Multiplies every amplitude whose control bits are all 1 by one phase (z, s, t, p, cz, cp, mcphase). */
final class PhaseKernel implements Kernel {
    private final int controls;
    private final int free;
    private final int run;
    private final double pr;
    private final double pi;

    PhaseKernel(int controls, double pr, double pi) {
        this.controls = controls;
        this.free = ~controls;
        this.run = Kernel.runLength(controls);
        this.pr = pr;
        this.pi = pi;
    }

    @Override
    public int fixedMask() {
        return controls;
    }

    @Override
    public double touchedFraction() {
        return 1.0 / (1L << Integer.bitCount(controls));
    }

    @Override
    public void apply(double[] re, double[] im, int from, int to) {
        final double cr = pr;
        final double ci = pi;
        if (run < Kernel.SHORT_RUN) {
            // the contiguous runs are too short to pay for a loop each: one index per step
            for (int k = from; k < to; k++) {
                int a = Integer.expand(k, free) | controls;
                double r = re[a];
                double i = im[a];
                re[a] = r * cr - i * ci;
                im[a] = r * ci + i * cr;
            }
            return;
        }
        int k = from;
        while (k < to) {
            int end = Math.min(to, (k | (run - 1)) + 1);
            int base = Integer.expand(k, free) | controls;
            int stop = base + (end - k);
            for (int a = base; a < stop; a++) {
                double r = re[a];
                double i = im[a];
                re[a] = r * cr - i * ci;
                im[a] = r * ci + i * cr;
            }
            k = end;
        }
    }
}
