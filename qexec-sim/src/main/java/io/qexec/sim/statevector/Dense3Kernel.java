package io.qexec.sim.statevector;

/**
 * A general 8x8 unitary on three targets (matrix index bit j is targets[j]), optionally controlled:
 * the dense block that fusion produces most. Fully unrolled so the eight amplitudes stay in
 * registers.
 */
final class Dense3Kernel implements Kernel {
    private final int controls;
    private final int fixed;
    private final int free;
    private final int run;
    private final int[] offsets;
    private final double[] mr;
    private final double[] mi;
    private final int[] targets;
    private final ComplexMatrix matrix;

    Dense3Kernel(int controls, int[] targets, ComplexMatrix m) {
        if (targets.length != 3) {
            throw new IllegalArgumentException("Dense3Kernel needs three targets");
        }
        this.controls = controls;
        this.targets = targets.clone();
        this.matrix = m;
        int tmask = (1 << targets[0]) | (1 << targets[1]) | (1 << targets[2]);
        this.fixed = controls | tmask;
        this.free = ~fixed;
        this.run = Kernel.runLength(fixed);
        this.offsets = new int[8];
        for (int x = 0; x < 8; x++) {
            offsets[x] = (x & 1) << targets[0] | ((x >>> 1) & 1) << targets[1] | ((x >>> 2) & 1) << targets[2];
        }
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
        final int[] off = offsets;
        final int o0 = off[0], o1 = off[1], o2 = off[2], o3 = off[3], o4 = off[4], o5 = off[5], o6 = off[6], o7 = off[7];
        final double[] r = mr;
        final double[] m = mi;
        if (run < Kernel.SHORT_RUN) {
            for (int k = from; k < to; k++) {
                int a = Integer.expand(k, free) | controls;
                double x0r = re[a + o0], x0i = im[a + o0];
                double x1r = re[a + o1], x1i = im[a + o1];
                double x2r = re[a + o2], x2i = im[a + o2];
                double x3r = re[a + o3], x3i = im[a + o3];
                double x4r = re[a + o4], x4i = im[a + o4];
                double x5r = re[a + o5], x5i = im[a + o5];
                double x6r = re[a + o6], x6i = im[a + o6];
                double x7r = re[a + o7], x7i = im[a + o7];
                re[a + o0] = r[0] * x0r - m[0] * x0i + r[1] * x1r - m[1] * x1i + r[2] * x2r - m[2] * x2i + r[3] * x3r - m[3] * x3i + r[4] * x4r - m[4] * x4i + r[5] * x5r - m[5] * x5i + r[6] * x6r - m[6] * x6i + r[7] * x7r - m[7] * x7i;
                im[a + o0] = r[0] * x0i + m[0] * x0r + r[1] * x1i + m[1] * x1r + r[2] * x2i + m[2] * x2r + r[3] * x3i + m[3] * x3r + r[4] * x4i + m[4] * x4r + r[5] * x5i + m[5] * x5r + r[6] * x6i + m[6] * x6r + r[7] * x7i + m[7] * x7r;
                re[a + o1] = r[8] * x0r - m[8] * x0i + r[9] * x1r - m[9] * x1i + r[10] * x2r - m[10] * x2i + r[11] * x3r - m[11] * x3i + r[12] * x4r - m[12] * x4i + r[13] * x5r - m[13] * x5i + r[14] * x6r - m[14] * x6i + r[15] * x7r - m[15] * x7i;
                im[a + o1] = r[8] * x0i + m[8] * x0r + r[9] * x1i + m[9] * x1r + r[10] * x2i + m[10] * x2r + r[11] * x3i + m[11] * x3r + r[12] * x4i + m[12] * x4r + r[13] * x5i + m[13] * x5r + r[14] * x6i + m[14] * x6r + r[15] * x7i + m[15] * x7r;
                re[a + o2] = r[16] * x0r - m[16] * x0i + r[17] * x1r - m[17] * x1i + r[18] * x2r - m[18] * x2i + r[19] * x3r - m[19] * x3i + r[20] * x4r - m[20] * x4i + r[21] * x5r - m[21] * x5i + r[22] * x6r - m[22] * x6i + r[23] * x7r - m[23] * x7i;
                im[a + o2] = r[16] * x0i + m[16] * x0r + r[17] * x1i + m[17] * x1r + r[18] * x2i + m[18] * x2r + r[19] * x3i + m[19] * x3r + r[20] * x4i + m[20] * x4r + r[21] * x5i + m[21] * x5r + r[22] * x6i + m[22] * x6r + r[23] * x7i + m[23] * x7r;
                re[a + o3] = r[24] * x0r - m[24] * x0i + r[25] * x1r - m[25] * x1i + r[26] * x2r - m[26] * x2i + r[27] * x3r - m[27] * x3i + r[28] * x4r - m[28] * x4i + r[29] * x5r - m[29] * x5i + r[30] * x6r - m[30] * x6i + r[31] * x7r - m[31] * x7i;
                im[a + o3] = r[24] * x0i + m[24] * x0r + r[25] * x1i + m[25] * x1r + r[26] * x2i + m[26] * x2r + r[27] * x3i + m[27] * x3r + r[28] * x4i + m[28] * x4r + r[29] * x5i + m[29] * x5r + r[30] * x6i + m[30] * x6r + r[31] * x7i + m[31] * x7r;
                re[a + o4] = r[32] * x0r - m[32] * x0i + r[33] * x1r - m[33] * x1i + r[34] * x2r - m[34] * x2i + r[35] * x3r - m[35] * x3i + r[36] * x4r - m[36] * x4i + r[37] * x5r - m[37] * x5i + r[38] * x6r - m[38] * x6i + r[39] * x7r - m[39] * x7i;
                im[a + o4] = r[32] * x0i + m[32] * x0r + r[33] * x1i + m[33] * x1r + r[34] * x2i + m[34] * x2r + r[35] * x3i + m[35] * x3r + r[36] * x4i + m[36] * x4r + r[37] * x5i + m[37] * x5r + r[38] * x6i + m[38] * x6r + r[39] * x7i + m[39] * x7r;
                re[a + o5] = r[40] * x0r - m[40] * x0i + r[41] * x1r - m[41] * x1i + r[42] * x2r - m[42] * x2i + r[43] * x3r - m[43] * x3i + r[44] * x4r - m[44] * x4i + r[45] * x5r - m[45] * x5i + r[46] * x6r - m[46] * x6i + r[47] * x7r - m[47] * x7i;
                im[a + o5] = r[40] * x0i + m[40] * x0r + r[41] * x1i + m[41] * x1r + r[42] * x2i + m[42] * x2r + r[43] * x3i + m[43] * x3r + r[44] * x4i + m[44] * x4r + r[45] * x5i + m[45] * x5r + r[46] * x6i + m[46] * x6r + r[47] * x7i + m[47] * x7r;
                re[a + o6] = r[48] * x0r - m[48] * x0i + r[49] * x1r - m[49] * x1i + r[50] * x2r - m[50] * x2i + r[51] * x3r - m[51] * x3i + r[52] * x4r - m[52] * x4i + r[53] * x5r - m[53] * x5i + r[54] * x6r - m[54] * x6i + r[55] * x7r - m[55] * x7i;
                im[a + o6] = r[48] * x0i + m[48] * x0r + r[49] * x1i + m[49] * x1r + r[50] * x2i + m[50] * x2r + r[51] * x3i + m[51] * x3r + r[52] * x4i + m[52] * x4r + r[53] * x5i + m[53] * x5r + r[54] * x6i + m[54] * x6r + r[55] * x7i + m[55] * x7r;
                re[a + o7] = r[56] * x0r - m[56] * x0i + r[57] * x1r - m[57] * x1i + r[58] * x2r - m[58] * x2i + r[59] * x3r - m[59] * x3i + r[60] * x4r - m[60] * x4i + r[61] * x5r - m[61] * x5i + r[62] * x6r - m[62] * x6i + r[63] * x7r - m[63] * x7i;
                im[a + o7] = r[56] * x0i + m[56] * x0r + r[57] * x1i + m[57] * x1r + r[58] * x2i + m[58] * x2r + r[59] * x3i + m[59] * x3r + r[60] * x4i + m[60] * x4r + r[61] * x5i + m[61] * x5r + r[62] * x6i + m[62] * x6r + r[63] * x7i + m[63] * x7r;
            }
            return;
        }
        int k = from;
        while (k < to) {
            int end = Math.min(to, (k | (run - 1)) + 1);
            int base = Integer.expand(k, free) | controls;
            int stop = base + (end - k);
            for (int a = base; a < stop; a++) {
                double x0r = re[a + o0], x0i = im[a + o0];
                double x1r = re[a + o1], x1i = im[a + o1];
                double x2r = re[a + o2], x2i = im[a + o2];
                double x3r = re[a + o3], x3i = im[a + o3];
                double x4r = re[a + o4], x4i = im[a + o4];
                double x5r = re[a + o5], x5i = im[a + o5];
                double x6r = re[a + o6], x6i = im[a + o6];
                double x7r = re[a + o7], x7i = im[a + o7];
                re[a + o0] = r[0] * x0r - m[0] * x0i + r[1] * x1r - m[1] * x1i + r[2] * x2r - m[2] * x2i + r[3] * x3r - m[3] * x3i + r[4] * x4r - m[4] * x4i + r[5] * x5r - m[5] * x5i + r[6] * x6r - m[6] * x6i + r[7] * x7r - m[7] * x7i;
                im[a + o0] = r[0] * x0i + m[0] * x0r + r[1] * x1i + m[1] * x1r + r[2] * x2i + m[2] * x2r + r[3] * x3i + m[3] * x3r + r[4] * x4i + m[4] * x4r + r[5] * x5i + m[5] * x5r + r[6] * x6i + m[6] * x6r + r[7] * x7i + m[7] * x7r;
                re[a + o1] = r[8] * x0r - m[8] * x0i + r[9] * x1r - m[9] * x1i + r[10] * x2r - m[10] * x2i + r[11] * x3r - m[11] * x3i + r[12] * x4r - m[12] * x4i + r[13] * x5r - m[13] * x5i + r[14] * x6r - m[14] * x6i + r[15] * x7r - m[15] * x7i;
                im[a + o1] = r[8] * x0i + m[8] * x0r + r[9] * x1i + m[9] * x1r + r[10] * x2i + m[10] * x2r + r[11] * x3i + m[11] * x3r + r[12] * x4i + m[12] * x4r + r[13] * x5i + m[13] * x5r + r[14] * x6i + m[14] * x6r + r[15] * x7i + m[15] * x7r;
                re[a + o2] = r[16] * x0r - m[16] * x0i + r[17] * x1r - m[17] * x1i + r[18] * x2r - m[18] * x2i + r[19] * x3r - m[19] * x3i + r[20] * x4r - m[20] * x4i + r[21] * x5r - m[21] * x5i + r[22] * x6r - m[22] * x6i + r[23] * x7r - m[23] * x7i;
                im[a + o2] = r[16] * x0i + m[16] * x0r + r[17] * x1i + m[17] * x1r + r[18] * x2i + m[18] * x2r + r[19] * x3i + m[19] * x3r + r[20] * x4i + m[20] * x4r + r[21] * x5i + m[21] * x5r + r[22] * x6i + m[22] * x6r + r[23] * x7i + m[23] * x7r;
                re[a + o3] = r[24] * x0r - m[24] * x0i + r[25] * x1r - m[25] * x1i + r[26] * x2r - m[26] * x2i + r[27] * x3r - m[27] * x3i + r[28] * x4r - m[28] * x4i + r[29] * x5r - m[29] * x5i + r[30] * x6r - m[30] * x6i + r[31] * x7r - m[31] * x7i;
                im[a + o3] = r[24] * x0i + m[24] * x0r + r[25] * x1i + m[25] * x1r + r[26] * x2i + m[26] * x2r + r[27] * x3i + m[27] * x3r + r[28] * x4i + m[28] * x4r + r[29] * x5i + m[29] * x5r + r[30] * x6i + m[30] * x6r + r[31] * x7i + m[31] * x7r;
                re[a + o4] = r[32] * x0r - m[32] * x0i + r[33] * x1r - m[33] * x1i + r[34] * x2r - m[34] * x2i + r[35] * x3r - m[35] * x3i + r[36] * x4r - m[36] * x4i + r[37] * x5r - m[37] * x5i + r[38] * x6r - m[38] * x6i + r[39] * x7r - m[39] * x7i;
                im[a + o4] = r[32] * x0i + m[32] * x0r + r[33] * x1i + m[33] * x1r + r[34] * x2i + m[34] * x2r + r[35] * x3i + m[35] * x3r + r[36] * x4i + m[36] * x4r + r[37] * x5i + m[37] * x5r + r[38] * x6i + m[38] * x6r + r[39] * x7i + m[39] * x7r;
                re[a + o5] = r[40] * x0r - m[40] * x0i + r[41] * x1r - m[41] * x1i + r[42] * x2r - m[42] * x2i + r[43] * x3r - m[43] * x3i + r[44] * x4r - m[44] * x4i + r[45] * x5r - m[45] * x5i + r[46] * x6r - m[46] * x6i + r[47] * x7r - m[47] * x7i;
                im[a + o5] = r[40] * x0i + m[40] * x0r + r[41] * x1i + m[41] * x1r + r[42] * x2i + m[42] * x2r + r[43] * x3i + m[43] * x3r + r[44] * x4i + m[44] * x4r + r[45] * x5i + m[45] * x5r + r[46] * x6i + m[46] * x6r + r[47] * x7i + m[47] * x7r;
                re[a + o6] = r[48] * x0r - m[48] * x0i + r[49] * x1r - m[49] * x1i + r[50] * x2r - m[50] * x2i + r[51] * x3r - m[51] * x3i + r[52] * x4r - m[52] * x4i + r[53] * x5r - m[53] * x5i + r[54] * x6r - m[54] * x6i + r[55] * x7r - m[55] * x7i;
                im[a + o6] = r[48] * x0i + m[48] * x0r + r[49] * x1i + m[49] * x1r + r[50] * x2i + m[50] * x2r + r[51] * x3i + m[51] * x3r + r[52] * x4i + m[52] * x4r + r[53] * x5i + m[53] * x5r + r[54] * x6i + m[54] * x6r + r[55] * x7i + m[55] * x7r;
                re[a + o7] = r[56] * x0r - m[56] * x0i + r[57] * x1r - m[57] * x1i + r[58] * x2r - m[58] * x2i + r[59] * x3r - m[59] * x3i + r[60] * x4r - m[60] * x4i + r[61] * x5r - m[61] * x5i + r[62] * x6r - m[62] * x6i + r[63] * x7r - m[63] * x7i;
                im[a + o7] = r[56] * x0i + m[56] * x0r + r[57] * x1i + m[57] * x1r + r[58] * x2i + m[58] * x2r + r[59] * x3i + m[59] * x3r + r[60] * x4i + m[60] * x4r + r[61] * x5i + m[61] * x5r + r[62] * x6i + m[62] * x6r + r[63] * x7i + m[63] * x7r;
            }
            k = end;
        }
    }
}
