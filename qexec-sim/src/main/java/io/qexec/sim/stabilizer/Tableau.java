package io.qexec.sim.stabilizer;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * An Aaronson–Gottesman stabilizer tableau of {@code n} qubits, bit-packed into 64-bit words.
 *
 * <p>Rows {@code 0..n-1} are the destabilizers and rows {@code n..2n-1} the stabilizers; each row is a
 * Hermitian Pauli string (x=z=1 means Y) with a sign. The state starts as |0...0>.
 *
 * <p>Two layouts, whichever the next operation needs; switching transposes 64×64 bit blocks, about
 * 4n² simple operations. Gates use the <em>column</em> layout: for qubit {@code q}, {@code rowWords}
 * words of X bits (bit {@code r % 64} of word {@code r / 64} is row {@code r}), as many of Z bits, and
 * one column of signs, so a gate costs O(n/64). Measurements use the <em>row</em> layout: a row's X and Z
 * words per 64 qubits, so multiplying two rows costs O(n/64). A random
 * measurement costs O(n²/64); a deterministic one O(k·n/64) for the k stabilizers whose product is ±Z,
 * after which that product is kept as a stabilizer, so k is usually one or two. Not thread-safe.
 */
final class Tableau {
    private final int n;
    private final int rowWords;
    private final int qubitWords;
    private final long[] xs;
    private final long[] zs;
    private final long[] signs;
    private final int blockStride;
    /** The row layout, allocated at the first measurement (see the measurement section); row 2n is scratch. */
    private long[] rowBits;
    private boolean[] rowSigns;
    /** Whether the row layout holds the current state (else the column layout does). */
    private boolean rowsCurrent;

    /** A tableau of {@code n} qubits in state |0...0>. */
    Tableau(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative qubit count " + n);
        }
        this.n = n;
        this.rowWords = Math.max(1, (2 * n + 63) >>> 6);
        this.qubitWords = Math.max(1, (n + 63) >>> 6);
        this.xs = new long[n * rowWords];
        this.zs = new long[n * rowWords];
        this.signs = new long[rowWords];
        this.blockStride = 2 * (2 * n + 1);
        for (int q = 0; q < n; q++) {
            setBit(xs, q, q, true);
            setBit(zs, q, n + q, true);
        }
    }

    private Tableau(Tableau other) {
        this.n = other.n;
        this.rowWords = other.rowWords;
        this.qubitWords = other.qubitWords;
        this.xs = other.xs.clone();
        this.zs = other.zs.clone();
        this.signs = other.signs.clone();
        this.blockStride = other.blockStride;
        this.rowBits = other.rowsCurrent ? other.rowBits.clone() : null; // stale rows are not worth copying
        this.rowSigns = other.rowsCurrent ? other.rowSigns.clone() : null;
        this.rowsCurrent = other.rowsCurrent;
    }

    /** An independent copy. */
    Tableau copy() {
        return new Tableau(this);
    }

    /** The number of qubits. */
    int numQubits() {
        return n;
    }

    // ------------------------------------------------------------------ gates

    /** Hadamard: X ↔ Z, Y → -Y. */
    void h(int q) {
        byColumns();
        int o = q * rowWords;
        for (int w = 0; w < rowWords; w++) {
            long x = xs[o + w];
            long z = zs[o + w];
            signs[w] ^= x & z;
            xs[o + w] = z;
            zs[o + w] = x;
        }
    }

    /** Phase gate S: X → Y, Y → -X. */
    void s(int q) {
        byColumns();
        int o = q * rowWords;
        for (int w = 0; w < rowWords; w++) {
            long x = xs[o + w];
            signs[w] ^= x & zs[o + w];
            zs[o + w] ^= x;
        }
    }

    /** S†: X → -Y, Y → X. */
    void sdg(int q) {
        byColumns();
        int o = q * rowWords;
        for (int w = 0; w < rowWords; w++) {
            long x = xs[o + w];
            signs[w] ^= x & ~zs[o + w];
            zs[o + w] ^= x;
        }
    }

    /** √X: Z → -Y, Y → Z. */
    void sx(int q) {
        byColumns();
        int o = q * rowWords;
        for (int w = 0; w < rowWords; w++) {
            long z = zs[o + w];
            signs[w] ^= z & ~xs[o + w];
            xs[o + w] ^= z;
        }
    }

    /** √X†: Z → Y, Y → -Z. */
    void sxdg(int q) {
        byColumns();
        int o = q * rowWords;
        for (int w = 0; w < rowWords; w++) {
            long z = zs[o + w];
            signs[w] ^= z & xs[o + w];
            xs[o + w] ^= z;
        }
    }

    /** Pauli X: flips the sign of rows with Z or Y on {@code q}. */
    void x(int q) {
        byColumns();
        int o = q * rowWords;
        for (int w = 0; w < rowWords; w++) {
            signs[w] ^= zs[o + w];
        }
    }

    /** Pauli Y: flips the sign of rows with X or Z on {@code q}. */
    void y(int q) {
        byColumns();
        int o = q * rowWords;
        for (int w = 0; w < rowWords; w++) {
            signs[w] ^= xs[o + w] ^ zs[o + w];
        }
    }

    /** Pauli Z: flips the sign of rows with X or Y on {@code q}. */
    void z(int q) {
        byColumns();
        int o = q * rowWords;
        for (int w = 0; w < rowWords; w++) {
            signs[w] ^= xs[o + w];
        }
    }

    /** CNOT with control {@code c} and target {@code t}. */
    void cx(int c, int t) {
        byColumns();
        int oc = c * rowWords;
        int ot = t * rowWords;
        for (int w = 0; w < rowWords; w++) {
            long xc = xs[oc + w];
            long zc = zs[oc + w];
            long xt = xs[ot + w];
            long zt = zs[ot + w];
            signs[w] ^= xc & zt & ~(xt ^ zc);
            xs[ot + w] = xt ^ xc;
            zs[oc + w] = zc ^ zt;
        }
    }

    /** Controlled-Z (symmetric). */
    void cz(int a, int b) {
        byColumns();
        int oa = a * rowWords;
        int ob = b * rowWords;
        for (int w = 0; w < rowWords; w++) {
            long xa = xs[oa + w];
            long xb = xs[ob + w];
            signs[w] ^= xa & xb & (zs[oa + w] ^ zs[ob + w]);
            zs[oa + w] ^= xb;
            zs[ob + w] ^= xa;
        }
    }

    /** Controlled-Y with control {@code c} and target {@code t} (S_t · CX · S_t†). */
    void cy(int c, int t) {
        sdg(t);
        cx(c, t);
        s(t);
    }

    /** Exchanges qubits {@code a} and {@code b}. */
    void swap(int a, int b) {
        byColumns();
        int oa = a * rowWords;
        int ob = b * rowWords;
        for (int w = 0; w < rowWords; w++) {
            long t = xs[oa + w];
            xs[oa + w] = xs[ob + w];
            xs[ob + w] = t;
            t = zs[oa + w];
            zs[oa + w] = zs[ob + w];
            zs[ob + w] = t;
        }
    }

    /** iSWAP, as S_a S_b H_a CX(a,b) CX(b,a) H_b. */
    void iswap(int a, int b) {
        s(a);
        s(b);
        h(a);
        cx(a, b);
        cx(b, a);
        h(b);
    }

    /** Applies a gate with a dedicated rule ({@code b} is ignored for one-qubit gates). */
    void apply(GateKind kind, int a, int b) {
        switch (kind) {
            case X -> x(a);
            case Y -> y(a);
            case Z -> z(a);
            case H -> h(a);
            case S -> s(a);
            case SDG -> sdg(a);
            case SX -> sx(a);
            case SXDG -> sxdg(a);
            case CX -> cx(a, b);
            case CY -> cy(a, b);
            case CZ -> cz(a, b);
            case SWAP -> swap(a, b);
            case ISWAP -> iswap(a, b);
        }
    }

    /** Applies a small Clifford given by its Pauli table to {@code qubits} (argument {@code j} = table bit {@code j}). */
    void apply(CliffordTable gate, int[] qubits) {
        byColumns();
        int k = qubits.length;
        int codes = 1 << (2 * k);
        long[] in = new long[2 * k];
        for (int w = 0; w < rowWords; w++) {
            for (int j = 0; j < k; j++) {
                in[j] = xs[qubits[j] * rowWords + w];
                in[k + j] = zs[qubits[j] * rowWords + w];
            }
            // sign: the rows whose Pauli on these qubits has a negated image
            long negate = 0;
            for (int code = 0; code < codes; code++) {
                if (gate.negates(code)) {
                    long rowsWithCode = -1L;
                    for (int g = 0; g < 2 * k; g++) {
                        rowsWithCode &= (code >>> g & 1) != 0 ? in[g] : ~in[g];
                    }
                    negate |= rowsWithCode;
                }
            }
            signs[w] ^= negate;
            // bits: the image is linear in the generators
            for (int j = 0; j < k; j++) {
                xs[qubits[j] * rowWords + w] = 0;
                zs[qubits[j] * rowWords + w] = 0;
            }
            for (int g = 0; g < 2 * k; g++) {
                int img = gate.image(1 << g);
                for (int j = 0; j < k; j++) {
                    if ((img >>> j & 1) != 0) {
                        xs[qubits[j] * rowWords + w] ^= in[g];
                    }
                    if ((img >>> (k + j) & 1) != 0) {
                        zs[qubits[j] * rowWords + w] ^= in[g];
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ measurement (row layout)
    //
    // Row layout: for each block of 64 qubits, the X and Z words of all 2n+1 rows side by side
    // (index block * blockStride + 2 * row, Z at +1). Finding the rows with X on a qubit reads one
    // contiguous stretch; multiplying two rows reads two words per block.

    /** Whether measuring {@code q} in the Z basis now has a random outcome. */
    boolean isRandom(int q) {
        byRows();
        return randomPivot(q) >= 0;
    }

    /** Measures qubit {@code q} in the Z basis, drawing a random outcome from {@code rng} when it is not determined. */
    boolean measure(int q, RandomGenerator rng) {
        byRows();
        int p = randomPivot(q);
        if (p < 0) {
            return deterministicOutcome(q);
        }
        return collapse(q, p, rng.nextBoolean());
    }

    /**
     * Measures qubit {@code q}; if the outcome is random it is forced to {@code outcomeIfRandom}.
     * Used to enumerate the branches of a measurement exactly.
     */
    boolean measureChoosing(int q, boolean outcomeIfRandom) {
        byRows();
        int p = randomPivot(q);
        if (p < 0) {
            return deterministicOutcome(q);
        }
        return collapse(q, p, outcomeIfRandom);
    }

    /** Resets {@code q} to |0>: a measurement followed by X when it read 1. */
    void reset(int q, RandomGenerator rng) {
        if (measure(q, rng)) {
            // X in the row layout: flip the sign of rows with Z or Y on q
            int base = (q >>> 6) * blockStride;
            long m = 1L << q;
            for (int row = 0; row < 2 * n; row++) {
                if ((rowBits[base + 2 * row + 1] & m) != 0) {
                    rowSigns[row] = !rowSigns[row];
                }
            }
        }
    }

    /** The first stabilizer row with X or Y on {@code q}, or -1 when Z_q commutes with every stabilizer. */
    private int randomPivot(int q) {
        int base = (q >>> 6) * blockStride;
        long m = 1L << q;
        for (int row = n; row < 2 * n; row++) {
            if ((rowBits[base + 2 * row] & m) != 0) {
                return row;
            }
        }
        return -1;
    }

    /** The random case: stabilizer p anticommutes with Z_q. */
    private boolean collapse(int q, int p, boolean outcome) {
        int base = (q >>> 6) * blockStride;
        long m = 1L << q;
        // every other row with X or Y on q gets multiplied by row p (read before anything changes)
        int[] targets = new int[2 * n];
        int count = 0;
        for (int row = 0; row < 2 * n; row++) {
            if (row != p && (rowBits[base + 2 * row] & m) != 0) {
                targets[count++] = row;
            }
        }
        int[] phase = new int[count];
        for (int bb = 0; bb < rowBits.length; bb += blockStride) {
            long px = rowBits[bb + 2 * p];
            long pz = rowBits[bb + 2 * p + 1];
            if ((px | pz) == 0) {
                continue;
            }
            for (int t = 0; t < count; t++) {
                int i = bb + 2 * targets[t];
                long x = rowBits[i];
                long z = rowBits[i + 1];
                phase[t] += PauliProducts.phaseExponent(px, pz, x, z);
                rowBits[i] = x ^ px;
                rowBits[i + 1] = z ^ pz;
            }
        }
        for (int t = 0; t < count; t++) {
            int row = targets[t];
            if (row >= n) { // a destabilizer's sign does not matter
                int total = phase[t] + (rowSigns[row] ? 2 : 0) + (rowSigns[p] ? 2 : 0);
                rowSigns[row] = (total & 3) == 2;
            }
        }
        // the destabilizer partner takes row p; row p becomes ±Z_q
        for (int bb = 0; bb < rowBits.length; bb += blockStride) {
            rowBits[bb + 2 * (p - n)] = rowBits[bb + 2 * p];
            rowBits[bb + 2 * (p - n) + 1] = rowBits[bb + 2 * p + 1];
            rowBits[bb + 2 * p] = 0;
            rowBits[bb + 2 * p + 1] = 0;
        }
        rowSigns[p - n] = rowSigns[p];
        rowBits[base + 2 * p + 1] = m;
        rowSigns[p] = outcome;
        return outcome;
    }

    /**
     * The deterministic case: Z_q is ± the product of the stabilizers whose destabilizers anticommute
     * with it. That product (±Z_q) then takes the place of the last of them, and that one's
     * destabilizer is multiplied into the other anticommuting destabilizers, so each still anticommutes
     * with its own stabilizer only. The state is unchanged; measuring q again, or a qubit entangled with
     * it the same way (as in a GHZ state), then needs one or two row products instead of up to n.
     */
    private boolean deterministicOutcome(int q) {
        int base = (q >>> 6) * blockStride;
        long m = 1L << q;
        int scratch = 2 * n;
        for (int bb = 0; bb < rowBits.length; bb += blockStride) {
            rowBits[bb + 2 * scratch] = 0;
            rowBits[bb + 2 * scratch + 1] = 0;
        }
        rowSigns[scratch] = false;
        int last = -1;
        for (int row = 0; row < n; row++) {
            if ((rowBits[base + 2 * row] & m) != 0) {
                rowsum(scratch, row + n);
                last = row;
            }
        }
        for (int row = 0; row < last; row++) {
            if ((rowBits[base + 2 * row] & m) != 0) {
                xorRow(row, last);
            }
        }
        int target = last + n;
        for (int bb = 0; bb < rowBits.length; bb += blockStride) {
            rowBits[bb + 2 * target] = rowBits[bb + 2 * scratch];
            rowBits[bb + 2 * target + 1] = rowBits[bb + 2 * scratch + 1];
        }
        rowSigns[target] = rowSigns[scratch];
        return rowSigns[scratch];
    }

    /** Row {@code target} := row {@code target} · row {@code source}, ignoring the sign. */
    private void xorRow(int target, int source) {
        for (int bb = 0; bb < rowBits.length; bb += blockStride) {
            rowBits[bb + 2 * target] ^= rowBits[bb + 2 * source];
            rowBits[bb + 2 * target + 1] ^= rowBits[bb + 2 * source + 1];
        }
    }

    /** Row {@code h} := row {@code i} · row {@code h}, with the sign tracked exactly (the rows commute). */
    private void rowsum(int h, int i) {
        int phase = 0;
        for (int bb = 0; bb < rowBits.length; bb += blockStride) {
            long x1 = rowBits[bb + 2 * i];
            long z1 = rowBits[bb + 2 * i + 1];
            long x2 = rowBits[bb + 2 * h];
            long z2 = rowBits[bb + 2 * h + 1];
            phase += PauliProducts.phaseExponent(x1, z1, x2, z2);
            rowBits[bb + 2 * h] = x1 ^ x2;
            rowBits[bb + 2 * h + 1] = z1 ^ z2;
        }
        int total = phase + (rowSigns[h] ? 2 : 0) + (rowSigns[i] ? 2 : 0);
        rowSigns[h] = (total & 3) == 2;
    }

    // ------------------------------------------------------------------ switching layouts

    /** Makes the column layout current (gates). */
    private void byColumns() {
        if (!rowsCurrent) {
            return;
        }
        long[] block = new long[64];
        for (int rw = 0; rw < rowWords; rw++) {
            for (int qw = 0; qw < qubitWords; qw++) {
                for (int half = 0; half < 2; half++) {
                    long[] columns = half == 0 ? xs : zs;
                    for (int r = 0; r < 64; r++) {
                        int row = (rw << 6) + r;
                        block[r] = row < 2 * n ? rowBits[qw * blockStride + 2 * row + half] : 0;
                    }
                    BitMatrix.transpose64(block);
                    for (int c = 0; c < 64; c++) {
                        int q = (qw << 6) + c;
                        if (q < n) {
                            columns[q * rowWords + rw] = block[c];
                        }
                    }
                }
            }
        }
        Arrays.fill(signs, 0L);
        for (int row = 0; row < 2 * n; row++) {
            if (rowSigns[row]) {
                signs[row >>> 6] |= 1L << row;
            }
        }
        rowsCurrent = false;
    }

    /** Makes the row layout current (measurements). */
    private void byRows() {
        if (rowsCurrent) {
            return;
        }
        if (rowBits == null) {
            rowBits = new long[qubitWords * blockStride];
            rowSigns = new boolean[2 * n + 1];
        }
        long[] block = new long[64];
        for (int rw = 0; rw < rowWords; rw++) {
            for (int qw = 0; qw < qubitWords; qw++) {
                for (int half = 0; half < 2; half++) {
                    long[] columns = half == 0 ? xs : zs;
                    for (int c = 0; c < 64; c++) {
                        int q = (qw << 6) + c;
                        block[c] = q < n ? columns[q * rowWords + rw] : 0;
                    }
                    BitMatrix.transpose64(block);
                    for (int r = 0; r < 64; r++) {
                        int row = (rw << 6) + r;
                        if (row < 2 * n) {
                            rowBits[qw * blockStride + 2 * row + half] = block[r];
                        }
                    }
                }
            }
        }
        for (int row = 0; row < 2 * n; row++) {
            rowSigns[row] = (signs[row >>> 6] >>> row & 1) != 0;
        }
        rowsCurrent = true;
    }

    private boolean getBit(long[] columns, int q, int row) {
        return (columns[q * rowWords + (row >>> 6)] >>> row & 1) != 0;
    }

    private void setBit(long[] columns, int q, int row, boolean value) {
        int i = q * rowWords + (row >>> 6);
        long m = 1L << row;
        columns[i] = value ? columns[i] | m : columns[i] & ~m;
    }

    private boolean getSign(int row) {
        return (signs[row >>> 6] >>> row & 1) != 0;
    }

    // ------------------------------------------------------------------ inspection (tests, debugging)

    /** Row {@code row} as a signed Pauli string, qubit 0 first, e.g. {@code "-XZI"}. */
    String row(int row) {
        byColumns();
        StringBuilder s = new StringBuilder(n + 1).append(getSign(row) ? '-' : '+');
        for (int q = 0; q < n; q++) {
            boolean xq = getBit(xs, q, row);
            boolean zq = getBit(zs, q, row);
            s.append(xq ? (zq ? 'Y' : 'X') : (zq ? 'Z' : 'I'));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Tableau[").append(n).append(" qubits; stabilizers");
        for (int row = n; row < 2 * n; row++) {
            s.append(' ').append(row(row));
        }
        return s.append(']').toString();
    }
}
