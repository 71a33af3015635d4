package io.qexec.sim.statevector;

/** A general {@code 2^k x 2^k} unitary on {@code k} targets (matrix index bit j is targets[j]); used for fused blocks. */
final class DenseKernel implements Kernel {
    private final int controls;
    private final int fixed;
    private final int free;
    private final int run;
    private final int[] offsets;
    private final double[] mr;
    private final double[] mi;

    DenseKernel(int controls, int[] targets, ComplexMatrix m) {
        int d = 1 << targets.length;
        int tmask = 0;
        for (int q : targets) {
            tmask |= 1 << q;
        }
        this.controls = controls;
        this.fixed = controls | tmask;
        this.free = ~fixed;
        this.run = Kernel.runLength(fixed);
        this.offsets = new int[d];
        for (int x = 0; x < d; x++) {
            int o = 0;
            for (int j = 0; j < targets.length; j++) {
                o |= ((x >>> j) & 1) << targets[j];
            }
            offsets[x] = o;
        }
        this.mr = m.re.clone();
        this.mi = m.im.clone();
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
        final int[] off = offsets;
        final int d = off.length;
        final double[] r = mr;
        final double[] m = mi;
        final double[] xr = new double[d];
        final double[] xi = new double[d];
        int k = from;
        while (k < to) {
            int end = Math.min(to, (k | (run - 1)) + 1);
            int base = Integer.expand(k, free) | controls;
            int stop = base + (end - k);
            for (int a = base; a < stop; a++) {
                for (int x = 0; x < d; x++) {
                    xr[x] = re[a + off[x]];
                    xi[x] = im[a + off[x]];
                }
                for (int row = 0, e = 0; row < d; row++) {
                    double sr = 0;
                    double si = 0;
                    for (int x = 0; x < d; x++, e++) {
                        sr += r[e] * xr[x] - m[e] * xi[x];
                        si += r[e] * xi[x] + m[e] * xr[x];
                    }
                    re[a + off[row]] = sr;
                    im[a + off[row]] = si;
                }
            }
            k = end;
        }
    }
}
