package io.qexec.sim.stabilizer;

/** Bit-matrix helpers for switching the tableau between its column and row layouts. */
final class BitMatrix {
    private BitMatrix() {
    }

    /**
     * Transposes a 64×64 bit matrix in place: afterwards bit {@code c} of {@code a[r]} is what bit
     * {@code r} of {@code a[c]} was. Six rounds of block swaps (32, 16, ..., 1).
     */
    static void transpose64(long[] a) {
        long m = 0x00000000FFFFFFFFL;
        for (int j = 32; j != 0; j >>>= 1, m ^= m << j) {
            for (int k = 0; k < 64; k = ((k | j) + 1) & ~j) {
                long t = ((a[k] >>> j) ^ a[k | j]) & m;
                a[k | j] ^= t;
                a[k] ^= t << j;
            }
        }
    }
}
