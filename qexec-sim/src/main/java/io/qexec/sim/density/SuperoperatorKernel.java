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
}
