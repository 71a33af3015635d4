package io.qexec.sim.density;

import io.qexec.circuit.Matrix;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Applies a superoperator to a vectorised density matrix in place: a sparse {@code 2^m x 2^m} matrix acting
 * on {@code m} chosen bits of the flat index, the other bits untouched. Zero entries are skipped, so
 * permutation and diagonal gates and Pauli channels cost only their non-zeros.
 */
final class SuperoperatorKernel {
    /** Below this many groups a pass runs on one thread. */
    private static final int PARALLEL_GROUPS = 1 << 12;
    private static final double ZERO = 1e-15;

    private final int[] bits;
    private final int[] sortedBits;
    private final int[] offsets;
    /** Row r's non-zeros are columns[rowStart[r] .. rowStart[r+1]). */
    private final int[] rowStart;
    private final int[] columns;
    private final double[] valueRe;
    private final double[] valueIm;

    /**
     * @param s the superoperator; bit {@code k} of its index is bit {@code bits[k]} of the flat index
     * @param bits distinct bit positions
     */
    SuperoperatorKernel(Matrix s, int[] bits) {
        int m = bits.length;
        if (s.dimension() != 1 << m) {
            throw new IllegalArgumentException("a " + s.dimension() + "-dimensional superoperator cannot act on " + m + " bits");
        }
        this.bits = bits.clone();
        this.sortedBits = bits.clone();
        Arrays.sort(sortedBits);
        int size = 1 << m;
        offsets = new int[size];
        for (int j = 0; j < size; j++) {
            int o = 0;
            for (int k = 0; k < m; k++) {
                if ((j >> k & 1) == 1) {
                    o |= 1 << bits[k];
                }
            }
            offsets[j] = o;
        }
        rowStart = new int[size + 1];
        int nnz = 0;
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                if (nonZero(s, r, c)) {
                    nnz++;
                }
            }
        }
        columns = new int[nnz];
        valueRe = new double[nnz];
        valueIm = new double[nnz];
        int k = 0;
        for (int r = 0; r < size; r++) {
            rowStart[r] = k;
            for (int c = 0; c < size; c++) {
                if (nonZero(s, r, c)) {
                    columns[k] = c;
                    valueRe[k] = s.re(r, c);
                    valueIm[k] = s.im(r, c);
                    k++;
                }
            }
        }
        rowStart[size] = k;
    }

    private static boolean nonZero(Matrix s, int r, int c) {
        return Math.abs(s.re(r, c)) > ZERO || Math.abs(s.im(r, c)) > ZERO;
    }

    /** The number of stored non-zero entries. */
    int nonZeros() {
        return columns.length;
    }

    /** The bit positions this kernel acts on. */
    int[] bits() {
        return bits.clone();
    }

    /** Applies the superoperator to every group of the state; {@code parallel} allows several threads. */
    void apply(double[] re, double[] im, boolean parallel) {
        int groups = re.length >> bits.length;
        if (parallel && groups >= PARALLEL_GROUPS) {
            int chunks = Math.min(groups / 1024, 4 * Runtime.getRuntime().availableProcessors());
            int per = groups / chunks;
            IntStream.range(0, chunks).parallel().forEach(c -> applyRange(re, im, c * per, c == chunks - 1 ? groups : (c + 1) * per));
        } else {
            applyRange(re, im, 0, groups);
        }
    }

    private void applyRange(double[] re, double[] im, int from, int to) {
        if (bits.length == 2) {
            applyDense2(re, im, from, to);
            return;
        }
        int size = offsets.length;
        double[] inRe = new double[size];
        double[] inIm = new double[size];
        int[] idx = new int[size];
        for (int g = from; g < to; g++) {
            int base = g;
            for (int p : sortedBits) {
                base = (base & ((1 << p) - 1)) | ((base >>> p) << (p + 1));
            }
            for (int j = 0; j < size; j++) {
                int i = base | offsets[j];
                idx[j] = i;
                inRe[j] = re[i];
                inIm[j] = im[i];
            }
            for (int r = 0; r < size; r++) {
                double sr = 0;
                double si = 0;
                for (int k = rowStart[r], end = rowStart[r + 1]; k < end; k++) {
                    int c = columns[k];
                    double ar = valueRe[k];
                    double ai = valueIm[k];
                    sr += ar * inRe[c] - ai * inIm[c];
                    si += ar * inIm[c] + ai * inRe[c];
                }
                re[idx[r]] = sr;
                im[idx[r]] = si;
            }
        }
    }
    /**
     * The one-qubit case (two bits of the flat index): a dense 4x4 product with the coefficients in locals,
     * walking the groups with two nested strides instead of computing each group's base index.
     */
    private void applyDense2(double[] re, double[] im, int from, int to) {
        double[] mr = new double[16];
        double[] mi = new double[16];
        for (int r = 0; r < 4; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                mr[r * 4 + columns[k]] = valueRe[k];
                mi[r * 4 + columns[k]] = valueIm[k];
            }
        }
        final double a00 = mr[0], a01 = mr[1], a02 = mr[2], a03 = mr[3];
        final double a10 = mr[4], a11 = mr[5], a12 = mr[6], a13 = mr[7];
        final double a20 = mr[8], a21 = mr[9], a22 = mr[10], a23 = mr[11];
        final double a30 = mr[12], a31 = mr[13], a32 = mr[14], a33 = mr[15];
        final double b00 = mi[0], b01 = mi[1], b02 = mi[2], b03 = mi[3];
        final double b10 = mi[4], b11 = mi[5], b12 = mi[6], b13 = mi[7];
        final double b20 = mi[8], b21 = mi[9], b22 = mi[10], b23 = mi[11];
        final double b30 = mi[12], b31 = mi[13], b32 = mi[14], b33 = mi[15];
        final int o1 = offsets[1];
        final int o2 = offsets[2];
        final int o3 = offsets[3];
        int lo = sortedBits[0];
        int hi = sortedBits[1];
        int loSize = 1 << lo;
        // group g = (upper << (lo + ... )): decompose g into three fields around the two zero bits
        int midSize = 1 << (hi - lo - 1);
        for (int g = from; g < to; ) {
            int low = g & (loSize - 1);
            int mid = (g >>> lo) & (midSize - 1);
            int top = g >>> (hi - 1);
            int runEnd = Math.min(to, g + (loSize - low));
            int base = (top << (hi + 1)) | (mid << (lo + 1));
            for (int l = low; g < runEnd; l++, g++) {
                int i0 = base | l;
                int i1 = i0 | o1;
                int i2 = i0 | o2;
                int i3 = i0 | o3;
                double r0 = re[i0], r1 = re[i1], r2 = re[i2], r3 = re[i3];
                double m0 = im[i0], m1 = im[i1], m2 = im[i2], m3 = im[i3];
                re[i0] = a00 * r0 - b00 * m0 + a01 * r1 - b01 * m1 + a02 * r2 - b02 * m2 + a03 * r3 - b03 * m3;
                im[i0] = a00 * m0 + b00 * r0 + a01 * m1 + b01 * r1 + a02 * m2 + b02 * r2 + a03 * m3 + b03 * r3;
                re[i1] = a10 * r0 - b10 * m0 + a11 * r1 - b11 * m1 + a12 * r2 - b12 * m2 + a13 * r3 - b13 * m3;
                im[i1] = a10 * m0 + b10 * r0 + a11 * m1 + b11 * r1 + a12 * m2 + b12 * r2 + a13 * m3 + b13 * r3;
                re[i2] = a20 * r0 - b20 * m0 + a21 * r1 - b21 * m1 + a22 * r2 - b22 * m2 + a23 * r3 - b23 * m3;
                im[i2] = a20 * m0 + b20 * r0 + a21 * m1 + b21 * r1 + a22 * m2 + b22 * r2 + a23 * m3 + b23 * r3;
                re[i3] = a30 * r0 - b30 * m0 + a31 * r1 - b31 * m1 + a32 * r2 - b32 * m2 + a33 * r3 - b33 * m3;
                im[i3] = a30 * m0 + b30 * r0 + a31 * m1 + b31 * r1 + a32 * m2 + b32 * r2 + a33 * m3 + b33 * r3;
            }
        }
    }
}
