package io.qexec.sim.statevector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API form of {@link Dense3Kernel}: processes {@code lanes} consecutive amplitude groups per
 * step. Runs shorter than a vector, and range ends, go to the scalar kernel.
 */
final class VectorDense3Kernel implements Kernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private final Dense3Kernel scalar;
    private final int controls;
    private final int free;
    private final int run;
    private final int[] offsets;
    private final double[] mr;
    private final double[] mi;

    VectorDense3Kernel(Dense3Kernel scalar, int controls, int[] targets, ComplexMatrix m) {
        this.scalar = scalar;
        this.controls = controls;
        int fixed = controls;
        for (int q : targets) {
            fixed |= 1 << q;
        }
        this.free = ~fixed;
        this.run = Kernel.runLength(fixed);
        this.offsets = new int[8];
        for (int x = 0; x < 8; x++) {
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
        return scalar.fixedMask();
    }

    @Override
    public double touchedFraction() {
        return scalar.touchedFraction();
    }

    @Override
    public void apply(double[] re, double[] im, int from, int to) {
        final int lanes = S.length();
        if (run < lanes) {
            scalar.apply(re, im, from, to);
            return;
        }
        final int[] off = offsets;
        final int o0 = off[0], o1 = off[1], o2 = off[2], o3 = off[3], o4 = off[4], o5 = off[5], o6 = off[6], o7 = off[7];
        final double[] r = mr;
        final double[] m = mi;
        int k = from;
        while (k < to) {
            int end = Math.min(to, (k | (run - 1)) + 1);
            int len = end - k;
            int whole = len - len % lanes;
            if (whole > 0) {
                int base = Integer.expand(k, free) | controls;
                for (int a = base, stop = base + whole; a < stop; a += lanes) {
                    DoubleVector x0r = DoubleVector.fromArray(S, re, a + o0), x0i = DoubleVector.fromArray(S, im, a + o0);
                    DoubleVector x1r = DoubleVector.fromArray(S, re, a + o1), x1i = DoubleVector.fromArray(S, im, a + o1);
                    DoubleVector x2r = DoubleVector.fromArray(S, re, a + o2), x2i = DoubleVector.fromArray(S, im, a + o2);
                    DoubleVector x3r = DoubleVector.fromArray(S, re, a + o3), x3i = DoubleVector.fromArray(S, im, a + o3);
                    DoubleVector x4r = DoubleVector.fromArray(S, re, a + o4), x4i = DoubleVector.fromArray(S, im, a + o4);
                    DoubleVector x5r = DoubleVector.fromArray(S, re, a + o5), x5i = DoubleVector.fromArray(S, im, a + o5);
                    DoubleVector x6r = DoubleVector.fromArray(S, re, a + o6), x6i = DoubleVector.fromArray(S, im, a + o6);
                    DoubleVector x7r = DoubleVector.fromArray(S, re, a + o7), x7i = DoubleVector.fromArray(S, im, a + o7);
                    DoubleVector ar0 = x0r.mul(r[0]).sub(x0i.mul(m[0]));
                    DoubleVector ai0 = x0i.mul(r[0]).add(x0r.mul(m[0]));
                    ar0 = x1r.fma(DoubleVector.broadcast(S, r[1]), ar0).sub(x1i.mul(m[1]));
                    ai0 = x1i.fma(DoubleVector.broadcast(S, r[1]), ai0).add(x1r.mul(m[1]));
                    ar0 = x2r.fma(DoubleVector.broadcast(S, r[2]), ar0).sub(x2i.mul(m[2]));
                    ai0 = x2i.fma(DoubleVector.broadcast(S, r[2]), ai0).add(x2r.mul(m[2]));
                    ar0 = x3r.fma(DoubleVector.broadcast(S, r[3]), ar0).sub(x3i.mul(m[3]));
                    ai0 = x3i.fma(DoubleVector.broadcast(S, r[3]), ai0).add(x3r.mul(m[3]));
                    ar0 = x4r.fma(DoubleVector.broadcast(S, r[4]), ar0).sub(x4i.mul(m[4]));
                    ai0 = x4i.fma(DoubleVector.broadcast(S, r[4]), ai0).add(x4r.mul(m[4]));
                    ar0 = x5r.fma(DoubleVector.broadcast(S, r[5]), ar0).sub(x5i.mul(m[5]));
                    ai0 = x5i.fma(DoubleVector.broadcast(S, r[5]), ai0).add(x5r.mul(m[5]));
                    ar0 = x6r.fma(DoubleVector.broadcast(S, r[6]), ar0).sub(x6i.mul(m[6]));
                    ai0 = x6i.fma(DoubleVector.broadcast(S, r[6]), ai0).add(x6r.mul(m[6]));
                    ar0 = x7r.fma(DoubleVector.broadcast(S, r[7]), ar0).sub(x7i.mul(m[7]));
                    ai0 = x7i.fma(DoubleVector.broadcast(S, r[7]), ai0).add(x7r.mul(m[7]));
                    DoubleVector ar1 = x0r.mul(r[8]).sub(x0i.mul(m[8]));
                    DoubleVector ai1 = x0i.mul(r[8]).add(x0r.mul(m[8]));
                    ar1 = x1r.fma(DoubleVector.broadcast(S, r[9]), ar1).sub(x1i.mul(m[9]));
                    ai1 = x1i.fma(DoubleVector.broadcast(S, r[9]), ai1).add(x1r.mul(m[9]));
                    ar1 = x2r.fma(DoubleVector.broadcast(S, r[10]), ar1).sub(x2i.mul(m[10]));
                    ai1 = x2i.fma(DoubleVector.broadcast(S, r[10]), ai1).add(x2r.mul(m[10]));
                    ar1 = x3r.fma(DoubleVector.broadcast(S, r[11]), ar1).sub(x3i.mul(m[11]));
                    ai1 = x3i.fma(DoubleVector.broadcast(S, r[11]), ai1).add(x3r.mul(m[11]));
                    ar1 = x4r.fma(DoubleVector.broadcast(S, r[12]), ar1).sub(x4i.mul(m[12]));
                    ai1 = x4i.fma(DoubleVector.broadcast(S, r[12]), ai1).add(x4r.mul(m[12]));
                    ar1 = x5r.fma(DoubleVector.broadcast(S, r[13]), ar1).sub(x5i.mul(m[13]));
                    ai1 = x5i.fma(DoubleVector.broadcast(S, r[13]), ai1).add(x5r.mul(m[13]));
                    ar1 = x6r.fma(DoubleVector.broadcast(S, r[14]), ar1).sub(x6i.mul(m[14]));
                    ai1 = x6i.fma(DoubleVector.broadcast(S, r[14]), ai1).add(x6r.mul(m[14]));
                    ar1 = x7r.fma(DoubleVector.broadcast(S, r[15]), ar1).sub(x7i.mul(m[15]));
                    ai1 = x7i.fma(DoubleVector.broadcast(S, r[15]), ai1).add(x7r.mul(m[15]));
                    DoubleVector ar2 = x0r.mul(r[16]).sub(x0i.mul(m[16]));
                    DoubleVector ai2 = x0i.mul(r[16]).add(x0r.mul(m[16]));
                    ar2 = x1r.fma(DoubleVector.broadcast(S, r[17]), ar2).sub(x1i.mul(m[17]));
                    ai2 = x1i.fma(DoubleVector.broadcast(S, r[17]), ai2).add(x1r.mul(m[17]));
                    ar2 = x2r.fma(DoubleVector.broadcast(S, r[18]), ar2).sub(x2i.mul(m[18]));
                    ai2 = x2i.fma(DoubleVector.broadcast(S, r[18]), ai2).add(x2r.mul(m[18]));
                    ar2 = x3r.fma(DoubleVector.broadcast(S, r[19]), ar2).sub(x3i.mul(m[19]));
                    ai2 = x3i.fma(DoubleVector.broadcast(S, r[19]), ai2).add(x3r.mul(m[19]));
                    ar2 = x4r.fma(DoubleVector.broadcast(S, r[20]), ar2).sub(x4i.mul(m[20]));
                    ai2 = x4i.fma(DoubleVector.broadcast(S, r[20]), ai2).add(x4r.mul(m[20]));
                    ar2 = x5r.fma(DoubleVector.broadcast(S, r[21]), ar2).sub(x5i.mul(m[21]));
                    ai2 = x5i.fma(DoubleVector.broadcast(S, r[21]), ai2).add(x5r.mul(m[21]));
                    ar2 = x6r.fma(DoubleVector.broadcast(S, r[22]), ar2).sub(x6i.mul(m[22]));
                    ai2 = x6i.fma(DoubleVector.broadcast(S, r[22]), ai2).add(x6r.mul(m[22]));
                    ar2 = x7r.fma(DoubleVector.broadcast(S, r[23]), ar2).sub(x7i.mul(m[23]));
                    ai2 = x7i.fma(DoubleVector.broadcast(S, r[23]), ai2).add(x7r.mul(m[23]));
                    DoubleVector ar3 = x0r.mul(r[24]).sub(x0i.mul(m[24]));
                    DoubleVector ai3 = x0i.mul(r[24]).add(x0r.mul(m[24]));
                    ar3 = x1r.fma(DoubleVector.broadcast(S, r[25]), ar3).sub(x1i.mul(m[25]));
                    ai3 = x1i.fma(DoubleVector.broadcast(S, r[25]), ai3).add(x1r.mul(m[25]));
                    ar3 = x2r.fma(DoubleVector.broadcast(S, r[26]), ar3).sub(x2i.mul(m[26]));
                    ai3 = x2i.fma(DoubleVector.broadcast(S, r[26]), ai3).add(x2r.mul(m[26]));
                    ar3 = x3r.fma(DoubleVector.broadcast(S, r[27]), ar3).sub(x3i.mul(m[27]));
                    ai3 = x3i.fma(DoubleVector.broadcast(S, r[27]), ai3).add(x3r.mul(m[27]));
                    ar3 = x4r.fma(DoubleVector.broadcast(S, r[28]), ar3).sub(x4i.mul(m[28]));
                    ai3 = x4i.fma(DoubleVector.broadcast(S, r[28]), ai3).add(x4r.mul(m[28]));
                    ar3 = x5r.fma(DoubleVector.broadcast(S, r[29]), ar3).sub(x5i.mul(m[29]));
                    ai3 = x5i.fma(DoubleVector.broadcast(S, r[29]), ai3).add(x5r.mul(m[29]));
                    ar3 = x6r.fma(DoubleVector.broadcast(S, r[30]), ar3).sub(x6i.mul(m[30]));
                    ai3 = x6i.fma(DoubleVector.broadcast(S, r[30]), ai3).add(x6r.mul(m[30]));
                    ar3 = x7r.fma(DoubleVector.broadcast(S, r[31]), ar3).sub(x7i.mul(m[31]));
                    ai3 = x7i.fma(DoubleVector.broadcast(S, r[31]), ai3).add(x7r.mul(m[31]));
                    DoubleVector ar4 = x0r.mul(r[32]).sub(x0i.mul(m[32]));
                    DoubleVector ai4 = x0i.mul(r[32]).add(x0r.mul(m[32]));
                    ar4 = x1r.fma(DoubleVector.broadcast(S, r[33]), ar4).sub(x1i.mul(m[33]));
                    ai4 = x1i.fma(DoubleVector.broadcast(S, r[33]), ai4).add(x1r.mul(m[33]));
                    ar4 = x2r.fma(DoubleVector.broadcast(S, r[34]), ar4).sub(x2i.mul(m[34]));
                    ai4 = x2i.fma(DoubleVector.broadcast(S, r[34]), ai4).add(x2r.mul(m[34]));
                    ar4 = x3r.fma(DoubleVector.broadcast(S, r[35]), ar4).sub(x3i.mul(m[35]));
                    ai4 = x3i.fma(DoubleVector.broadcast(S, r[35]), ai4).add(x3r.mul(m[35]));
                    ar4 = x4r.fma(DoubleVector.broadcast(S, r[36]), ar4).sub(x4i.mul(m[36]));
                    ai4 = x4i.fma(DoubleVector.broadcast(S, r[36]), ai4).add(x4r.mul(m[36]));
                    ar4 = x5r.fma(DoubleVector.broadcast(S, r[37]), ar4).sub(x5i.mul(m[37]));
                    ai4 = x5i.fma(DoubleVector.broadcast(S, r[37]), ai4).add(x5r.mul(m[37]));
                    ar4 = x6r.fma(DoubleVector.broadcast(S, r[38]), ar4).sub(x6i.mul(m[38]));
                    ai4 = x6i.fma(DoubleVector.broadcast(S, r[38]), ai4).add(x6r.mul(m[38]));
                    ar4 = x7r.fma(DoubleVector.broadcast(S, r[39]), ar4).sub(x7i.mul(m[39]));
                    ai4 = x7i.fma(DoubleVector.broadcast(S, r[39]), ai4).add(x7r.mul(m[39]));
                    DoubleVector ar5 = x0r.mul(r[40]).sub(x0i.mul(m[40]));
                    DoubleVector ai5 = x0i.mul(r[40]).add(x0r.mul(m[40]));
                    ar5 = x1r.fma(DoubleVector.broadcast(S, r[41]), ar5).sub(x1i.mul(m[41]));
                    ai5 = x1i.fma(DoubleVector.broadcast(S, r[41]), ai5).add(x1r.mul(m[41]));
                    ar5 = x2r.fma(DoubleVector.broadcast(S, r[42]), ar5).sub(x2i.mul(m[42]));
                    ai5 = x2i.fma(DoubleVector.broadcast(S, r[42]), ai5).add(x2r.mul(m[42]));
                    ar5 = x3r.fma(DoubleVector.broadcast(S, r[43]), ar5).sub(x3i.mul(m[43]));
                    ai5 = x3i.fma(DoubleVector.broadcast(S, r[43]), ai5).add(x3r.mul(m[43]));
                    ar5 = x4r.fma(DoubleVector.broadcast(S, r[44]), ar5).sub(x4i.mul(m[44]));
                    ai5 = x4i.fma(DoubleVector.broadcast(S, r[44]), ai5).add(x4r.mul(m[44]));
                    ar5 = x5r.fma(DoubleVector.broadcast(S, r[45]), ar5).sub(x5i.mul(m[45]));
                    ai5 = x5i.fma(DoubleVector.broadcast(S, r[45]), ai5).add(x5r.mul(m[45]));
                    ar5 = x6r.fma(DoubleVector.broadcast(S, r[46]), ar5).sub(x6i.mul(m[46]));
                    ai5 = x6i.fma(DoubleVector.broadcast(S, r[46]), ai5).add(x6r.mul(m[46]));
                    ar5 = x7r.fma(DoubleVector.broadcast(S, r[47]), ar5).sub(x7i.mul(m[47]));
                    ai5 = x7i.fma(DoubleVector.broadcast(S, r[47]), ai5).add(x7r.mul(m[47]));
                    DoubleVector ar6 = x0r.mul(r[48]).sub(x0i.mul(m[48]));
                    DoubleVector ai6 = x0i.mul(r[48]).add(x0r.mul(m[48]));
                    ar6 = x1r.fma(DoubleVector.broadcast(S, r[49]), ar6).sub(x1i.mul(m[49]));
                    ai6 = x1i.fma(DoubleVector.broadcast(S, r[49]), ai6).add(x1r.mul(m[49]));
                    ar6 = x2r.fma(DoubleVector.broadcast(S, r[50]), ar6).sub(x2i.mul(m[50]));
                    ai6 = x2i.fma(DoubleVector.broadcast(S, r[50]), ai6).add(x2r.mul(m[50]));
                    ar6 = x3r.fma(DoubleVector.broadcast(S, r[51]), ar6).sub(x3i.mul(m[51]));
                    ai6 = x3i.fma(DoubleVector.broadcast(S, r[51]), ai6).add(x3r.mul(m[51]));
                    ar6 = x4r.fma(DoubleVector.broadcast(S, r[52]), ar6).sub(x4i.mul(m[52]));
                    ai6 = x4i.fma(DoubleVector.broadcast(S, r[52]), ai6).add(x4r.mul(m[52]));
                    ar6 = x5r.fma(DoubleVector.broadcast(S, r[53]), ar6).sub(x5i.mul(m[53]));
                    ai6 = x5i.fma(DoubleVector.broadcast(S, r[53]), ai6).add(x5r.mul(m[53]));
                    ar6 = x6r.fma(DoubleVector.broadcast(S, r[54]), ar6).sub(x6i.mul(m[54]));
                    ai6 = x6i.fma(DoubleVector.broadcast(S, r[54]), ai6).add(x6r.mul(m[54]));
                    ar6 = x7r.fma(DoubleVector.broadcast(S, r[55]), ar6).sub(x7i.mul(m[55]));
                    ai6 = x7i.fma(DoubleVector.broadcast(S, r[55]), ai6).add(x7r.mul(m[55]));
                    DoubleVector ar7 = x0r.mul(r[56]).sub(x0i.mul(m[56]));
                    DoubleVector ai7 = x0i.mul(r[56]).add(x0r.mul(m[56]));
                    ar7 = x1r.fma(DoubleVector.broadcast(S, r[57]), ar7).sub(x1i.mul(m[57]));
                    ai7 = x1i.fma(DoubleVector.broadcast(S, r[57]), ai7).add(x1r.mul(m[57]));
                    ar7 = x2r.fma(DoubleVector.broadcast(S, r[58]), ar7).sub(x2i.mul(m[58]));
                    ai7 = x2i.fma(DoubleVector.broadcast(S, r[58]), ai7).add(x2r.mul(m[58]));
                    ar7 = x3r.fma(DoubleVector.broadcast(S, r[59]), ar7).sub(x3i.mul(m[59]));
                    ai7 = x3i.fma(DoubleVector.broadcast(S, r[59]), ai7).add(x3r.mul(m[59]));
                    ar7 = x4r.fma(DoubleVector.broadcast(S, r[60]), ar7).sub(x4i.mul(m[60]));
                    ai7 = x4i.fma(DoubleVector.broadcast(S, r[60]), ai7).add(x4r.mul(m[60]));
                    ar7 = x5r.fma(DoubleVector.broadcast(S, r[61]), ar7).sub(x5i.mul(m[61]));
                    ai7 = x5i.fma(DoubleVector.broadcast(S, r[61]), ai7).add(x5r.mul(m[61]));
                    ar7 = x6r.fma(DoubleVector.broadcast(S, r[62]), ar7).sub(x6i.mul(m[62]));
                    ai7 = x6i.fma(DoubleVector.broadcast(S, r[62]), ai7).add(x6r.mul(m[62]));
                    ar7 = x7r.fma(DoubleVector.broadcast(S, r[63]), ar7).sub(x7i.mul(m[63]));
                    ai7 = x7i.fma(DoubleVector.broadcast(S, r[63]), ai7).add(x7r.mul(m[63]));
                    ar0.intoArray(re, a + o0);
                    ai0.intoArray(im, a + o0);
                    ar1.intoArray(re, a + o1);
                    ai1.intoArray(im, a + o1);
                    ar2.intoArray(re, a + o2);
                    ai2.intoArray(im, a + o2);
                    ar3.intoArray(re, a + o3);
                    ai3.intoArray(im, a + o3);
                    ar4.intoArray(re, a + o4);
                    ai4.intoArray(im, a + o4);
                    ar5.intoArray(re, a + o5);
                    ai5.intoArray(im, a + o5);
                    ar6.intoArray(re, a + o6);
                    ai6.intoArray(im, a + o6);
                    ar7.intoArray(re, a + o7);
                    ai7.intoArray(im, a + o7);
                }
            }
            if (whole < len) {
                scalar.apply(re, im, k + whole, end);
            }
            k = end;
        }
    }
}
