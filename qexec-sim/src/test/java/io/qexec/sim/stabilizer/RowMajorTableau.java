package io.qexec.sim.stabilizer;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The engine's first tableau layout (row-major, X and Z words interleaved), kept as an independent
 * oracle for the column-major {@link Tableau}: the same algorithm on another layout must give the same
 * rows, signs and outcomes.
 *
 * <p>Original description follows.
 *
 * An Aaronson–Gottesman stabilizer tableau of {@code n} qubits, bit-packed into 64-bit words.
 *
 * <p>Rows {@code 0..n-1} are the destabilizers, rows {@code n..2n-1} the stabilizers and row {@code 2n} is
 * scratch space. Each row is a Hermitian Pauli string stored as {@code words} pairs of words, the X bits
 * then the Z bits of qubits {@code 64w .. 64w+63} (qubit {@code q} is bit {@code q % 64}; x=z=1 means Y),
 * plus a sign bit. Interleaving keeps the two words a gate reads in one cache line. The state starts
 * as |0...0>.
 *
 * <p>A gate costs O(n) (one bit in each row); a random measurement O(n²/64) word operations; a
 * deterministic one O(k·n/64) for the k stabilizers whose product is ±Z, after which that product is
 * kept as a stabilizer (so k is usually small). Not thread-safe.
 */
final class RowMajorTableau {
    private final int n;
    private final int words;
    private final int stride;
    private final long[] bits;
    private final boolean[] sign;

    /** A tableau of {@code n} qubits in state |0...0>. */
    RowMajorTableau(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative qubit count " + n);
        }
        this.n = n;
        this.words = Math.max(1, (n + 63) >>> 6);
        this.stride = 2 * words;
        this.bits = new long[(2 * n + 1) * stride];
        this.sign = new boolean[2 * n + 1];
        for (int q = 0; q < n; q++) {
            setX(q, q);
            setZ(n + q, q);
        }
    }

    private RowMajorTableau(RowMajorTableau other) {
        this.n = other.n;
        this.words = other.words;
        this.stride = other.stride;
        this.bits = other.bits.clone();
        this.sign = other.sign.clone();
    }

    /** An independent copy. */
    RowMajorTableau copy() {
        return new RowMajorTableau(this);
    }

    /** The number of qubits. */
    int numQubits() {
        return n;
    }

    // ------------------------------------------------------------------ gates
    //
    // Each rule acts on one row (a Hermitian Pauli string and its sign); a gate runs its rule over all 2n
    // rows. (Running a block of gates row by row was measured slower: the per-pair dispatch costs more
    // than the cache misses it saves at n = 1000.)

    /** Hadamard: X ↔ Z, Y → -Y. */
    void h(int q) {
        apply(GateKind.H, q, -1);
    }

    /** Phase gate S: X → Y, Y → -X. */
    void s(int q) {
        apply(GateKind.S, q, -1);
    }

    /** S†: X → -Y, Y → X. */
    void sdg(int q) {
        apply(GateKind.SDG, q, -1);
    }

    /** √X: Z → -Y, Y → Z. */
    void sx(int q) {
        apply(GateKind.SX, q, -1);
    }

    /** √X†: Z → Y, Y → -Z. */
    void sxdg(int q) {
        apply(GateKind.SXDG, q, -1);
    }

    /** Pauli X: flips the sign of rows with Z or Y on {@code q}. */
    void x(int q) {
        apply(GateKind.X, q, -1);
    }

    /** Pauli Y: flips the sign of rows with X or Z on {@code q}. */
    void y(int q) {
        apply(GateKind.Y, q, -1);
    }

    /** Pauli Z: flips the sign of rows with X or Y on {@code q}. */
    void z(int q) {
        apply(GateKind.Z, q, -1);
    }

    /** CNOT with control {@code c} and target {@code t}. */
    void cx(int c, int t) {
        apply(GateKind.CX, c, t);
    }

    /** Controlled-Z (symmetric). */
    void cz(int a, int b) {
        apply(GateKind.CZ, a, b);
    }

    /** Controlled-Y with control {@code c} and target {@code t} (S_t · CX · S_t†). */
    void cy(int c, int t) {
        apply(GateKind.CY, c, t);
    }

    /** Exchanges qubits {@code a} and {@code b}. */
    void swap(int a, int b) {
        apply(GateKind.SWAP, a, b);
    }

    /** iSWAP, as S_a S_b H_a CX(a,b) CX(b,a) H_b. */
    void iswap(int a, int b) {
        apply(GateKind.ISWAP, a, b);
    }

    /** Applies a gate with a dedicated rule ({@code b} is ignored for one-qubit gates). */
    void apply(GateKind kind, int a, int b) {
        for (int row = 0, base = 0; row < 2 * n; row++, base += stride) {
            rule(kind, row, base, a, b);
        }
    }

    /** Applies a small Clifford given by its Pauli table to {@code qubits} (argument {@code j} = table bit {@code j}). */
    void apply(CliffordTable gate, int[] qubits) {
        for (int row = 0, base = 0; row < 2 * n; row++, base += stride) {
            tableRule(gate, qubits, row, base);
        }
    }

    private void rule(GateKind kind, int row, int base, int a, int b) {
        switch (kind) {
            case H -> ruleH(row, base, a);
            case S -> ruleS(row, base, a);
            case SDG -> ruleSdg(row, base, a);
            case SX -> ruleSx(row, base, a);
            case SXDG -> ruleSxdg(row, base, a);
            case X -> flipSignWhere(row, base, a, false, true);
            case Y -> flipSignWhere(row, base, a, true, true);
            case Z -> flipSignWhere(row, base, a, true, false);
            case CX -> ruleCx(row, base, a, b);
            case CZ -> ruleCz(row, base, a, b);
            case CY -> {
                ruleSdg(row, base, b);
                ruleCx(row, base, a, b);
                ruleS(row, base, b);
            }
            case SWAP -> ruleSwap(base, a, b);
            case ISWAP -> {
                ruleS(row, base, a);
                ruleS(row, base, b);
                ruleH(row, base, a);
                ruleCx(row, base, a, b);
                ruleCx(row, base, b, a);
                ruleH(row, base, b);
            }
        }
    }

    private void ruleH(int row, int base, int q) {
        int ix = base + 2 * (q >>> 6);
        long m = 1L << q;
        long xw = bits[ix];
        long zw = bits[ix + 1];
        long xa = xw & m;
        long za = zw & m;
        if ((xa & za) != 0) {
            sign[row] = !sign[row];
        }
        bits[ix] = (xw & ~m) | za;
        bits[ix + 1] = (zw & ~m) | xa;
    }

    private void ruleS(int row, int base, int q) {
        int ix = base + 2 * (q >>> 6);
        long m = 1L << q;
        long xa = bits[ix] & m;
        if ((xa & bits[ix + 1]) != 0) {
            sign[row] = !sign[row];
        }
        bits[ix + 1] ^= xa;
    }

    private void ruleSdg(int row, int base, int q) {
        int ix = base + 2 * (q >>> 6);
        long m = 1L << q;
        long xa = bits[ix] & m;
        if ((xa & ~bits[ix + 1]) != 0) {
            sign[row] = !sign[row];
        }
        bits[ix + 1] ^= xa;
    }

    private void ruleSx(int row, int base, int q) {
        int ix = base + 2 * (q >>> 6);
        long m = 1L << q;
        long za = bits[ix + 1] & m;
        if ((za & ~bits[ix]) != 0) {
            sign[row] = !sign[row];
        }
        bits[ix] ^= za;
    }

    private void ruleSxdg(int row, int base, int q) {
        int ix = base + 2 * (q >>> 6);
        long m = 1L << q;
        long za = bits[ix + 1] & m;
        if ((za & bits[ix]) != 0) {
            sign[row] = !sign[row];
        }
        bits[ix] ^= za;
    }

    /** Flips the sign when (useX ? x-bit : 0) xor (useZ ? z-bit : 0) is set at {@code q}. */
    private void flipSignWhere(int row, int base, int q, boolean useX, boolean useZ) {
        int ix = base + 2 * (q >>> 6);
        long m = 1L << q;
        if (((useX ? bits[ix] & m : 0) ^ (useZ ? bits[ix + 1] & m : 0)) != 0) {
            sign[row] = !sign[row];
        }
    }

    private void ruleCx(int row, int base, int c, int t) {
        int ic = base + 2 * (c >>> 6);
        int it = base + 2 * (t >>> 6);
        long xc = bits[ic] >>> c & 1;
        long zc = bits[ic + 1] >>> c & 1;
        long xt = bits[it] >>> t & 1;
        long zt = bits[it + 1] >>> t & 1;
        if ((xc & zt & (xt ^ zc ^ 1)) != 0) {
            sign[row] = !sign[row];
        }
        bits[it] ^= xc << t;
        bits[ic + 1] ^= zt << c;
    }

    private void ruleCz(int row, int base, int a, int b) {
        int ia = base + 2 * (a >>> 6);
        int ib = base + 2 * (b >>> 6);
        long xa = bits[ia] >>> a & 1;
        long za = bits[ia + 1] >>> a & 1;
        long xb = bits[ib] >>> b & 1;
        long zb = bits[ib + 1] >>> b & 1;
        if ((xa & xb & (za ^ zb)) != 0) {
            sign[row] = !sign[row];
        }
        bits[ia + 1] ^= xb << a;
        bits[ib + 1] ^= xa << b;
    }

    private void ruleSwap(int base, int a, int b) {
        for (int half = 0; half < 2; half++) {
            int ia = base + 2 * (a >>> 6) + half;
            int ib = base + 2 * (b >>> 6) + half;
            long diff = (bits[ia] >>> a ^ bits[ib] >>> b) & 1;
            bits[ia] ^= diff << a;
            bits[ib] ^= diff << b;
        }
    }

    private void tableRule(CliffordTable gate, int[] qubits, int row, int base) {
        int k = qubits.length;
        int in = 0;
        for (int j = 0; j < k; j++) {
            int q = qubits[j];
            int ix = base + 2 * (q >>> 6);
            in |= (int) (bits[ix] >>> q & 1) << j;
            in |= (int) (bits[ix + 1] >>> q & 1) << (k + j);
        }
        int out = gate.image(in);
        if (gate.negates(in)) {
            sign[row] = !sign[row];
        }
        for (int j = 0; j < k; j++) {
            int q = qubits[j];
            int ix = base + 2 * (q >>> 6);
            long m = 1L << q;
            bits[ix] = (bits[ix] & ~m) | ((long) (out >>> j & 1) << q);
            bits[ix + 1] = (bits[ix + 1] & ~m) | ((long) (out >>> (k + j) & 1) << q);
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
        int w = q >>> 6;
        long m = 1L << q;
        for (int row = n, base = n * stride; row < 2 * n; row++, base += stride) {
            if ((bits[base + 2 * w] & m) != 0) {
                return row;
            }
        }
        return -1;
    }

    private boolean collapse(int q, int p, boolean outcome) {
        int w = q >>> 6;
        long m = 1L << q;
        int pBase = p * stride;
        for (int row = 0, base = 0; row < 2 * n; row++, base += stride) {
            if (row != p && (bits[base + 2 * w] & m) != 0) {
                if (row < n) {
                    xorRow(base, pBase);
                } else {
                    rowsum(row, p);
                }
            }
        }
        int dBase = (p - n) * stride;
        System.arraycopy(bits, pBase, bits, dBase, stride);
        sign[p - n] = sign[p];
        Arrays.fill(bits, pBase, pBase + stride, 0L);
        bits[pBase + 2 * w + 1] = m;
        sign[p] = outcome;
        return outcome;
    }

    private boolean deterministicOutcome(int q) {
        int w = q >>> 6;
        long m = 1L << q;
        int scratch = 2 * n;
        int sBase = scratch * stride;
        Arrays.fill(bits, sBase, sBase + stride, 0L);
        sign[scratch] = false;
        int last = -1;
        for (int row = 0, base = 0; row < n; row++, base += stride) {
            if ((bits[base + 2 * w] & m) != 0) {
                rowsum(scratch, row + n);
                last = row;
            }
        }
        // Z_q = ±(product of the stabilizers whose destabilizers have X or Y on q). Put that product in
        // place of the last of them, and multiply its destabilizer into the others' so each still
        // anticommutes with its own stabilizer only: the state is unchanged, and measuring q again
        // (or qubits entangled the same way, as in a GHZ state) then needs one row product.
        int lastBase = last * stride;
        for (int row = 0, base = 0; row < last; row++, base += stride) {
            if ((bits[base + 2 * w] & m) != 0) {
                xorRow(base, lastBase);
            }
        }
        System.arraycopy(bits, sBase, bits, (last + n) * stride, stride);
        sign[last + n] = sign[scratch];
        return sign[scratch];
    }

    private void xorRow(int targetBase, int sourceBase) {
        for (int i = 0; i < stride; i++) {
            bits[targetBase + i] ^= bits[sourceBase + i];
        }
    }

    /** Row {@code h} := row {@code i} · row {@code h}, with the sign tracked exactly (the rows commute). */
    private void rowsum(int h, int i) {
        int hb = h * stride;
        int ib = i * stride;
        int phase = 0;
        for (int k = 0; k < stride; k += 2) {
            long x1 = bits[ib + k];
            long z1 = bits[ib + k + 1];
            long x2 = bits[hb + k];
            long z2 = bits[hb + k + 1];
            phase += PauliProducts.phaseExponent(x1, z1, x2, z2);
            bits[hb + k] = x1 ^ x2;
            bits[hb + k + 1] = z1 ^ z2;
        }
        int total = phase + (sign[h] ? 2 : 0) + (sign[i] ? 2 : 0);
        sign[h] = (total & 3) == 2;
    }

    // ------------------------------------------------------------------ inspection (tests, debugging)

    /** Row {@code row} as a signed Pauli string, qubit 0 first, e.g. {@code "-XZI"}. */
    String row(int row) {
        StringBuilder s = new StringBuilder(n + 1).append(sign[row] ? '-' : '+');
        for (int q = 0; q < n; q++) {
            boolean xq = getX(row, q);
            boolean zq = getZ(row, q);
            s.append(xq ? (zq ? 'Y' : 'X') : (zq ? 'Z' : 'I'));
        }
        return s.toString();
    }

    private boolean getX(int row, int q) {
        return (bits[row * stride + 2 * (q >>> 6)] >>> q & 1) != 0;
    }

    private boolean getZ(int row, int q) {
        return (bits[row * stride + 2 * (q >>> 6) + 1] >>> q & 1) != 0;
    }

    private void setX(int row, int q) {
        bits[row * stride + 2 * (q >>> 6)] |= 1L << q;
    }

    private void setZ(int row, int q) {
        bits[row * stride + 2 * (q >>> 6) + 1] |= 1L << q;
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
