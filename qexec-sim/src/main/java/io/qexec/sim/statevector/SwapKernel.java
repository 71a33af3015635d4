package io.qexec.sim.statevector;

/** A (controlled) swap of two qubits: exchanges the |01> and |10> amplitudes, no arithmetic. */
final class SwapKernel implements Kernel {
    private final int controls;
    private final int fixed;
    private final int free;
    private final int run;
    private final int bitA;
    private final int bitB;

    SwapKernel(int controls, int a, int b) {
        this.controls = controls;
        this.bitA = 1 << a;
        this.bitB = 1 << b;
        this.fixed = controls | bitA | bitB;
        this.free = ~fixed;
        this.run = Kernel.runLength(fixed);
    }

    @Override
    public int fixedMask() {
        return fixed;
    }

    @Override
    public double touchedFraction() {
        return 0.5 / (1L << Integer.bitCount(controls));
    }

    @Override
    public void apply(double[] re, double[] im, int from, int to) {
        if (run < Kernel.SHORT_RUN) {
            // the contiguous runs are too short to pay for a loop each: one index per step
            for (int k = from; k < to; k++) {
                int a = Integer.expand(k, free) | controls;
                int x = a | bitA;
                int y = a | bitB;
                double t = re[x];
                re[x] = re[y];
                re[y] = t;
                t = im[x];
                im[x] = im[y];
                im[y] = t;
            }
            return;
        }
        int k = from;
        while (k < to) {
            int end = Math.min(to, (k | (run - 1)) + 1);
            int base = Integer.expand(k, free) | controls;
            int first = base | bitA;
            int second = base | bitB;
            int len = end - k;
            for (int j = 0; j < len; j++) {
                int a = first + j;
                int b = second + j;
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
