package io.qexec.sim.stabilizer;

import java.util.random.RandomGenerator;

/**
 * An Aaronson–Gottesman stabilizer tableau of {@code n} qubits, bit-packed into 64-bit words.
 *
 * <p>Rows {@code 0..n-1} are the destabilizers and rows {@code n..2n-1} the stabilizers; each row is a
 * Hermitian Pauli string (x=z=1 means Y) with a sign. The bits are stored by column: for qubit
 * {@code q}, {@code rowWords} words of X bits (bit {@code r % 64} of word {@code r / 64} is row
 * {@code r}) and as many of Z bits, plus one column of signs. A gate therefore touches two to four
 * columns, 64 rows per word operation. The state starts as |0...0>.
 *
 * <p>Costs: a gate O(n/64); a random measurement O(n²/64); a deterministic one O(k·n) for the k
 * stabilizers whose product is ±Z, after which that product is kept as a stabilizer, so k is usually
 * one or two. Not thread-safe.
 */
final class Tableau {
    private final int n;
    private final int rowWords;
    private final int qubitWords;
    private final long[] xs;
    private final long[] zs;
    private final long[] signs;

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
        int o = q * rowWords;
        for (int w = 0; w < rowWords; w++) {
            long x = xs[o + w];
            signs[w] ^= x & zs[o + w];
            zs[o + w] ^= x;
        }
    }

    /** S†: X → -Y, Y → X. */
    void sdg(int q) {
        int o = q * rowWords;
        for (int w = 0; w < rowWords; w++) {
            long x = xs[o + w];
            signs[w] ^= x & ~zs[o + w];
            zs[o + w] ^= x;
        }
    }

    /** √X: Z → -Y, Y → Z. */
    void sx(int q) {
        int o = q * rowWords;
        for (int w = 0; w < rowWords; w++) {
            long z = zs[o + w];
            signs[w] ^= z & ~xs[o + w];
            xs[o + w] ^= z;
        }
    }

    /** √X†: Z → Y, Y → -Z. */
    void sxdg(int q) {
        int o = q * rowWords;
        for (int w = 0; w < rowWords; w++) {
            long z = zs[o + w];
            signs[w] ^= z & xs[o + w];
            xs[o + w] ^= z;
        }
    }

    /** Pauli X: flips the sign of rows with Z or Y on {@code q}. */
    void x(int q) {
        int o = q * rowWords;
        for (int w = 0; w < rowWords; w++) {
            signs[w] ^= zs[o + w];
        }
    }

    /** Pauli Y: flips the sign of rows with X or Z on {@code q}. */
    void y(int q) {
        int o = q * rowWords;
        for (int w = 0; w < rowWords; w++) {
            signs[w] ^= xs[o + w] ^ zs[o + w];
        }
    }

    /** Pauli Z: flips the sign of rows with X or Y on {@code q}. */
    void z(int q) {
        int o = q * rowWords;
        for (int w = 0; w < rowWords; w++) {
            signs[w] ^= xs[o + w];
        }
    }

    /** CNOT with control {@code c} and target {@code t}. */
    void cx(int c, int t) {
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

    // ------------------------------------------------------------------ measurement

    /** Whether measuring {@code q} in the Z basis now has a random outcome. */
    boolean isRandom(int q) {
        return randomPivot(q) >= 0;
    }

    /** Measures qubit {@code q} in the Z basis, drawing a random outcome from {@code rng} when it is not determined. */
    boolean measure(int q, RandomGenerator rng) {
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
        int p = randomPivot(q);
        if (p < 0) {
            return deterministicOutcome(q);
        }
        return collapse(q, p, outcomeIfRandom);
    }

    /** Resets {@code q} to |0>: a measurement followed by X when it read 1. */
    void reset(int q, RandomGenerator rng) {
        if (measure(q, rng)) {
            x(q);
        }
    }

    /** The first stabilizer row with X or Y on {@code q}, or -1 when Z_q commutes with every stabilizer. */
    private int randomPivot(int q) {
        int o = q * rowWords;
        for (int w = n >>> 6; w < rowWords; w++) {
            long v = xs[o + w];
            if (w == n >>> 6) {
                v &= -1L << n; // rows below n are destabilizers
            }
            if (v != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(v);
            }
        }
        return -1;
    }

    /** The random case: row p anticommutes with Z_q. */
    private boolean collapse(int q, int p, boolean outcome) {
        int pw = p >>> 6;
        long pm = 1L << p;
        int oq = q * rowWords;
        // every other row with X or Y on q gets multiplied by row p
        long[] mask = new long[rowWords];
        for (int w = 0; w < rowWords; w++) {
            mask[w] = xs[oq + w];
        }
        mask[pw] &= ~pm;
        // the phase of row_p · row_i, summed mod 4 per row in two bit-sliced counters
        long[] lo = new long[rowWords];
        long[] hi = new long[rowWords];
        for (int j = 0; j < n; j++) {
            int o = j * rowWords;
            boolean px = (xs[o + pw] & pm) != 0;
            boolean pz = (zs[o + pw] & pm) != 0;
            if (!px && !pz) {
                continue;
            }
            for (int w = 0; w < rowWords; w++) {
                long m = mask[w];
                if (m == 0) {
                    continue;
                }
                long x = xs[o + w];
                long z = zs[o + w];
                long plus;
                long minus;
                if (px && pz) { // Y·Z = iX, Y·X = -iZ
                    plus = ~x & z;
                    minus = x & ~z;
                } else if (px) { // X·Y = iZ, X·Z = -iY
                    plus = x & z;
                    minus = ~x & z;
                } else { // Z·X = iY, Z·Y = -iX
                    plus = x & ~z;
                    minus = x & z;
                }
                plus &= m;
                minus &= m;
                hi[w] ^= lo[w] & plus;
                lo[w] ^= plus;
                hi[w] ^= ~lo[w] & minus;
                lo[w] ^= minus;
                if (px) {
                    xs[o + w] = x ^ m;
                }
                if (pz) {
                    zs[o + w] = z ^ m;
                }
            }
        }
        long pSign = (signs[pw] & pm) != 0 ? -1L : 0L;
        for (int w = 0; w < rowWords; w++) {
            // rows that commute with row p end with lo = 0; their new sign is hi ^ sign_i ^ sign_p
            signs[w] ^= mask[w] & (hi[w] ^ pSign);
        }
        // the destabilizer partner takes the old row p; row p becomes ±Z_q
        int d = p - n;
        for (int j = 0; j < n; j++) {
            setBit(xs, j, d, getBit(xs, j, p));
            setBit(zs, j, d, getBit(zs, j, p));
            setBit(xs, j, p, false);
            setBit(zs, j, p, j == q);
        }
        setSign(d, pSign != 0);
        setSign(p, outcome);
        return outcome;
    }

    /**
     * The deterministic case: Z_q is ± the product of the stabilizers whose destabilizers anticommute
     * with it. One pass over the columns gathers those stabilizers and rewrites the tableau: the product
     * (±Z_q) takes the place of the last of them, and that one's destabilizer is multiplied into the
     * other anticommuting destabilizers, so each still anticommutes with its own stabilizer only. The
     * state is unchanged; measuring q again, or a qubit entangled with it the same way (as in a GHZ
     * state), then needs one or two rows instead of up to n.
     */
    private boolean deterministicOutcome(int q) {
        int oq = q * rowWords;
        int destabilizerWords = (n + 63) >>> 6;
        int k = 0;
        for (int w = 0; w < destabilizerWords; w++) {
            k += Long.bitCount(destabilizerBits(oq, w));
        }
        int[] rows = new int[k];
        int count = 0;
        for (int w = 0; w < destabilizerWords; w++) {
            for (long d = destabilizerBits(oq, w); d != 0; d &= d - 1) {
                rows[count++] = (w << 6) + Long.numberOfTrailingZeros(d);
            }
        }
        int last = rows[k - 1];
        int lw = last >>> 6;
        long lm = 1L << last;
        // the other anticommuting destabilizers, by non-zero word (read before column q changes)
        int[] otherWords = new int[lw + 1];
        long[] others = new long[lw + 1];
        int otherCount = 0;
        for (int w = 0; w <= lw; w++) {
            long v = w == lw ? xs[oq + w] & (lm - 1) : xs[oq + w];
            if (v != 0) {
                otherWords[otherCount] = w;
                others[otherCount++] = v;
            }
        }
        long[][] gx = new long[k][qubitWords];
        long[][] gz = new long[k][qubitWords];
        int sw = (n + last) >>> 6;
        long sm = 1L << (n + last);
        for (int j = 0; j < n; j++) {
            int o = j * rowWords;
            int jw = j >>> 6;
            long jm = 1L << j;
            for (int r = 0; r < k; r++) {
                int row = n + rows[r];
                if ((xs[o + (row >>> 6)] >>> row & 1) != 0) {
                    gx[r][jw] |= jm;
                }
                if ((zs[o + (row >>> 6)] >>> row & 1) != 0) {
                    gz[r][jw] |= jm;
                }
            }
            boolean lx = (xs[o + lw] & lm) != 0;
            boolean lz = (zs[o + lw] & lm) != 0;
            for (int i = 0; i < otherCount; i++) {
                if (lx) {
                    xs[o + otherWords[i]] ^= others[i];
                }
                if (lz) {
                    zs[o + otherWords[i]] ^= others[i];
                }
            }
            xs[o + sw] &= ~sm;
            zs[o + sw] = j == q ? zs[o + sw] | sm : zs[o + sw] & ~sm;
        }
        int phase = 0;
        long[] accX = new long[qubitWords];
        long[] accZ = new long[qubitWords];
        for (int r = 0; r < k; r++) {
            for (int w = 0; w < qubitWords; w++) {
                phase += PauliProducts.phaseExponent(gx[r][w], gz[r][w], accX[w], accZ[w]);
                accX[w] ^= gx[r][w];
                accZ[w] ^= gz[r][w];
            }
            phase += getSign(n + rows[r]) ? 2 : 0;
        }
        boolean outcome = (phase & 3) == 2;
        setSign(n + last, outcome);
        return outcome;
    }

    /** Word {@code w} of the X bits at column offset {@code oq}, restricted to the destabilizer rows. */
    private long destabilizerBits(int oq, int w) {
        long v = xs[oq + w];
        return (w + 1) << 6 > n ? v & ((1L << n) - 1) : v;
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

    private void setSign(int row, boolean value) {
        long m = 1L << row;
        signs[row >>> 6] = value ? signs[row >>> 6] | m : signs[row >>> 6] & ~m;
    }

    // ------------------------------------------------------------------ inspection (tests, debugging)

    /** Row {@code row} as a signed Pauli string, qubit 0 first, e.g. {@code "-XZI"}. */
    String row(int row) {
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
