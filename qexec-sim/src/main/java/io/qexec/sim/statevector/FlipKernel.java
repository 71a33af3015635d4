package io.qexec.sim.statevector;

/** X on several qubits at once: swaps each amplitude {@code i} with {@code i ^ mask}, no arithmetic. */
final class FlipKernel implements Kernel {
    private final int mask;
    private final int high;
    private final int free;
    private final int run;

    FlipKernel(int mask) {
        if (Integer.bitCount(mask) < 1) {
            throw new IllegalArgumentException("a flip needs at least one qubit");
        }
        this.mask = mask;
        this.high = Integer.highestOneBit(mask);
        this.free = ~high;
        this.run = Integer.lowestOneBit(mask);
    }

    int mask() {
        return mask;
    }

    /** Work items fix the highest flipped bit to 0; each swaps one pair. */
    @Override
    public int fixedMask() {
        return high;
    }

    @Override
    public int highestQubit() {
        return 31 - Integer.numberOfLeadingZeros(mask);
    }

    @Override
    public double touchedFraction() {
        return 1;
    }

    @Override
    public void apply(double[] re, double[] im, int from, int to) {
        final int m = mask;
        if (run < Kernel.SHORT_RUN) {
            for (int k = from; k < to; k++) {
                int a = Integer.expand(k, free);
                int b = a ^ m;
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
            int base = Integer.expand(k, free);
            int other = base ^ m;
            int len = end - k;
            for (int j = 0; j < len; j++) {
                int a = base + j;
                int b = other + j;
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
