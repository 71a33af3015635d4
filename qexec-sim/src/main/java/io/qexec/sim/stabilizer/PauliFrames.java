package io.qexec.sim.stabilizer;

import java.util.random.RandomGenerator;

/**
 * A batch of Pauli frames, one per shot, bit-packed across shots: for qubit {@code q}, word {@code w}
 * holds the X (or Z) component of the frames of shots {@code 64w .. 64w+63}.
 *
 * <p>A frame is the Pauli by which a shot differs from the reference run. Clifford gates conjugate it
 * (signs do not matter, so every gate is a linear map on the bits); a Z-basis measurement of a shot reads
 * the reference outcome flipped by the frame's X component; after a measurement or reset, and at the start,
 * a random Z component is mixed in, which is harmless for a Z eigenstate and reproduces the randomness of
 * later measurements. Not thread-safe.
 */
final class PauliFrames {
    private final int n;
    private final int words;
    private final long[] x;
    private final long[] z;

    /** Frames for {@code n} qubits and {@code words * 64} shots, all identity. */
    PauliFrames(int n, int words) {
        this.n = n;
        this.words = words;
        this.x = new long[n * words];
        this.z = new long[n * words];
    }

    /** The number of qubits. */
    int numQubits() {
        return n;
    }

    /** Word {@code w} of qubit {@code q}'s X components. */
    long xWord(int q, int w) {
        return x[q * words + w];
    }

    /** Word {@code w} of qubit {@code q}'s Z components. */
    long zWord(int q, int w) {
        return z[q * words + w];
    }

    /** The number of 64-shot words per qubit. */
    int words() {
        return words;
    }

    /** Gives every qubit a random Z component (the start state |0...0> is invariant under Z). */
    void randomizeAllZ(RandomGenerator rng) {
        for (int i = 0; i < z.length; i++) {
            z[i] = rng.nextLong();
        }
    }

    void h(int q) {
        int o = q * words;
        for (int w = 0; w < words; w++) {
            long t = x[o + w];
            x[o + w] = z[o + w];
            z[o + w] = t;
        }
    }

    /** S or S† (equal up to sign). */
    void s(int q) {
        int o = q * words;
        for (int w = 0; w < words; w++) {
            z[o + w] ^= x[o + w];
        }
    }

    /** √X or √X† (equal up to sign). */
    void sx(int q) {
        int o = q * words;
        for (int w = 0; w < words; w++) {
            x[o + w] ^= z[o + w];
        }
    }

    void cx(int c, int t) {
        int oc = c * words;
        int ot = t * words;
        for (int w = 0; w < words; w++) {
            x[ot + w] ^= x[oc + w];
            z[oc + w] ^= z[ot + w];
        }
    }

    void cz(int a, int b) {
        int oa = a * words;
        int ob = b * words;
        for (int w = 0; w < words; w++) {
            z[oa + w] ^= x[ob + w];
            z[ob + w] ^= x[oa + w];
        }
    }

    /** Controlled-Y: S_t · CX · S_t† up to sign. */
    void cy(int c, int t) {
        s(t);
        cx(c, t);
        s(t);
    }

    void swap(int a, int b) {
        int oa = a * words;
        int ob = b * words;
        for (int w = 0; w < words; w++) {
            long tx = x[oa + w];
            x[oa + w] = x[ob + w];
            x[ob + w] = tx;
            long tz = z[oa + w];
            z[oa + w] = z[ob + w];
            z[ob + w] = tz;
        }
    }

    void iswap(int a, int b) {
        s(a);
        s(b);
        h(a);
        cx(a, b);
        cx(b, a);
        h(b);
    }

    /** Applies a small Clifford given by its table (argument {@code j} = table bit {@code j}). */
    void apply(CliffordTable gate, int[] qubits) {
        int k = qubits.length;
        long[] in = new long[2 * k];
        for (int w = 0; w < words; w++) {
            for (int j = 0; j < k; j++) {
                in[j] = x[qubits[j] * words + w];
                in[k + j] = z[qubits[j] * words + w];
            }
            for (int j = 0; j < k; j++) {
                x[qubits[j] * words + w] = 0;
                z[qubits[j] * words + w] = 0;
            }
            for (int g = 0; g < 2 * k; g++) {
                int img = gate.image(1 << g);
                long v = in[g];
                for (int j = 0; j < k; j++) {
                    if ((img >>> j & 1) != 0) {
                        x[qubits[j] * words + w] ^= v;
                    }
                    if ((img >>> (k + j) & 1) != 0) {
                        z[qubits[j] * words + w] ^= v;
                    }
                }
            }
        }
    }

    /** Multiplies in X on {@code q} for the shots set in {@code mask}. */
    void xorX(int q, long[] mask) {
        int o = q * words;
        for (int w = 0; w < words; w++) {
            x[o + w] ^= mask[w];
        }
    }

    /** Multiplies in Z on {@code q} for the shots set in {@code mask}. */
    void xorZ(int q, long[] mask) {
        int o = q * words;
        for (int w = 0; w < words; w++) {
            z[o + w] ^= mask[w];
        }
    }

    /**
     * Measures {@code q}: writes each shot's outcome (the reference outcome flipped by the frame's X
     * component) into {@code out[outOffset ..]}, then mixes in a random Z component.
     */
    void measure(int q, boolean reference, long[] out, int outOffset, RandomGenerator rng) {
        int o = q * words;
        long ref = reference ? -1L : 0L;
        for (int w = 0; w < words; w++) {
            out[outOffset + w] = ref ^ x[o + w];
            z[o + w] ^= rng.nextLong();
        }
    }

    /** Resets {@code q}: every shot is in |0> like the reference, with a random Z component mixed in. */
    void reset(int q, RandomGenerator rng) {
        int o = q * words;
        for (int w = 0; w < words; w++) {
            x[o + w] = 0;
            z[o + w] = rng.nextLong();
        }
    }
}
