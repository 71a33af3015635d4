package io.qexec.sim.statevector;

/**
 * A diagonal over several qubits, as a table indexed by the table qubits' bits in ascending
 * position order, applied where every control bit is 1. Used for fused runs of diagonal gates.
 */
final class DiagonalKernel implements Kernel {
    private final int controls;
    private final int tableMask;
    private final int free;
    private final int run;
    private final double[] tre;
    private final double[] tim;

    DiagonalKernel(int controls, int tableMask, double[] tre, double[] tim) {
        if (tre.length != 1 << Integer.bitCount(tableMask)) {
            throw new IllegalArgumentException("diagonal table size does not match its qubits");
        }
        this.controls = controls;
        this.tableMask = tableMask;
        this.free = ~controls;
        this.run = Kernel.runLength(controls);
        this.tre = tre;
        this.tim = tim;
    }

    @Override
    public int fixedMask() {
        return controls;
    }

    @Override
    public int highestQubit() {
        return 31 - Integer.numberOfLeadingZeros(controls | tableMask);
    }

    @Override
    public double touchedFraction() {
        return 1.0 / (1L << Integer.bitCount(controls));
    }

    @Override
    public void apply(double[] re, double[] im, int from, int to) {
        final double[] tr = tre;
        final double[] ti = tim;
        final int mask = tableMask;
        if (run < Kernel.SHORT_RUN) {
            // the contiguous runs are too short to pay for a loop each: one index per step
            for (int k = from; k < to; k++) {
                int a = Integer.expand(k, free) | controls;
                int t = Integer.compress(a, mask);
                double cr = tr[t];
                double ci = ti[t];
                double x = re[a];
                double y = im[a];
                re[a] = x * cr - y * ci;
                im[a] = x * ci + y * cr;
            }
            return;
        }
        int k = from;
        while (k < to) {
            int end = Math.min(to, (k | (run - 1)) + 1);
            int base = Integer.expand(k, free) | controls;
            int stop = base + (end - k);
            for (int a = base; a < stop; a++) {
                int t = Integer.compress(a, mask);
                double cr = tr[t];
                double ci = ti[t];
                double x = re[a];
                double y = im[a];
                re[a] = x * cr - y * ci;
                im[a] = x * ci + y * cr;
            }
            k = end;
        }
    }
}
