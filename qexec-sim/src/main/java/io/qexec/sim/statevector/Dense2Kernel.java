package io.qexec.sim.statevector;

/** A general 4x4 unitary on two targets (matrix index bit 0 is {@code q0}), optionally controlled. */
final class Dense2Kernel implements Kernel {
    private final int controls;
    private final int fixed;
    private final int free;
    private final int run;
    private final int s1;
    private final int s2;
    private final double[] mr;
    private final double[] mi;
    private final int[] targets;
    private final ComplexMatrix matrix;

    Dense2Kernel(int controls, int q0, int q1, ComplexMatrix m) {
        this.controls = controls;
        this.targets = new int[] {q0, q1};
        this.matrix = m;
        this.s1 = 1 << q0;
        this.s2 = 1 << q1;
        this.fixed = controls | s1 | s2;
        this.free = ~fixed;
        this.run = Kernel.runLength(fixed);
        this.mr = m.re.clone();
        this.mi = m.im.clone();
    }

    int controls() {
        return controls;
    }

    int[] targets() {
        return targets.clone();
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
        final double[] r = mr;
        final double[] m = mi;
        final int o1 = s1, o2 = s2, o3 = s1 | s2;
        if (run < Kernel.SHORT_RUN) {
            // the contiguous runs are too short to pay for a loop each: one index per step
            for (int k = from; k < to; k++) {
                int a = Integer.expand(k, free) | controls;
                int b = a + o1, c = a + o2, d = a + o3;
                double x0r = re[a], x0i = im[a], x1r = re[b], x1i = im[b];
                double x2r = re[c], x2i = im[c], x3r = re[d], x3i = im[d];
                re[a] = r[0] * x0r - m[0] * x0i + r[1] * x1r - m[1] * x1i + r[2] * x2r - m[2] * x2i + r[3] * x3r - m[3] * x3i;
                im[a] = r[0] * x0i + m[0] * x0r + r[1] * x1i + m[1] * x1r + r[2] * x2i + m[2] * x2r + r[3] * x3i + m[3] * x3r;
                re[b] = r[4] * x0r - m[4] * x0i + r[5] * x1r - m[5] * x1i + r[6] * x2r - m[6] * x2i + r[7] * x3r - m[7] * x3i;
                im[b] = r[4] * x0i + m[4] * x0r + r[5] * x1i + m[5] * x1r + r[6] * x2i + m[6] * x2r + r[7] * x3i + m[7] * x3r;
                re[c] = r[8] * x0r - m[8] * x0i + r[9] * x1r - m[9] * x1i + r[10] * x2r - m[10] * x2i + r[11] * x3r - m[11] * x3i;
                im[c] = r[8] * x0i + m[8] * x0r + r[9] * x1i + m[9] * x1r + r[10] * x2i + m[10] * x2r + r[11] * x3i + m[11] * x3r;
                re[d] = r[12] * x0r - m[12] * x0i + r[13] * x1r - m[13] * x1i + r[14] * x2r - m[14] * x2i + r[15] * x3r - m[15] * x3i;
                im[d] = r[12] * x0i + m[12] * x0r + r[13] * x1i + m[13] * x1r + r[14] * x2i + m[14] * x2r + r[15] * x3i + m[15] * x3r;
            }
            return;
        }
        int k = from;
        while (k < to) {
            int end = Math.min(to, (k | (run - 1)) + 1);
            int base = Integer.expand(k, free) | controls;
            int stop = base + (end - k);
            for (int a = base; a < stop; a++) {
                int b = a + o1, c = a + o2, d = a + o3;
                double x0r = re[a], x0i = im[a], x1r = re[b], x1i = im[b];
                double x2r = re[c], x2i = im[c], x3r = re[d], x3i = im[d];
                re[a] = r[0] * x0r - m[0] * x0i + r[1] * x1r - m[1] * x1i + r[2] * x2r - m[2] * x2i + r[3] * x3r - m[3] * x3i;
                im[a] = r[0] * x0i + m[0] * x0r + r[1] * x1i + m[1] * x1r + r[2] * x2i + m[2] * x2r + r[3] * x3i + m[3] * x3r;
                re[b] = r[4] * x0r - m[4] * x0i + r[5] * x1r - m[5] * x1i + r[6] * x2r - m[6] * x2i + r[7] * x3r - m[7] * x3i;
                im[b] = r[4] * x0i + m[4] * x0r + r[5] * x1i + m[5] * x1r + r[6] * x2i + m[6] * x2r + r[7] * x3i + m[7] * x3r;
                re[c] = r[8] * x0r - m[8] * x0i + r[9] * x1r - m[9] * x1i + r[10] * x2r - m[10] * x2i + r[11] * x3r - m[11] * x3i;
                im[c] = r[8] * x0i + m[8] * x0r + r[9] * x1i + m[9] * x1r + r[10] * x2i + m[10] * x2r + r[11] * x3i + m[11] * x3r;
                re[d] = r[12] * x0r - m[12] * x0i + r[13] * x1r - m[13] * x1i + r[14] * x2r - m[14] * x2i + r[15] * x3r - m[15] * x3i;
                im[d] = r[12] * x0i + m[12] * x0r + r[13] * x1i + m[13] * x1r + r[14] * x2i + m[14] * x2r + r[15] * x3i + m[15] * x3r;
            }
            k = end;
        }
    }
}
