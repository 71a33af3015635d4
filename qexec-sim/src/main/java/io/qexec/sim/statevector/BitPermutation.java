package io.qexec.sim.statevector;

/**
 * A permutation of index bits, applied with one table lookup per byte of the index instead of one step per bit:
 * bit {@code source[j]} of the input becomes bit {@code j} of the output. Reordering a 2^20-entry distribution
 * into the requested qubit order (after swaps were applied by renaming qubits) takes three lookups per entry.
 */
final class BitPermutation {
    private final int[][] tables;

    /** @param source for each output bit, the input bit it comes from */
    BitPermutation(int[] source) {
        int highest = -1;
        for (int b : source) {
            highest = Math.max(highest, b);
        }
        int bytes = (highest + 8) / 8;
        tables = new int[bytes][256];
        for (int j = 0; j < source.length; j++) {
            int c = source[j] / 8;
            int bit = source[j] % 8;
            for (int v = 0; v < 256; v++) {
                if ((v >>> bit & 1) == 1) {
                    tables[c][v] |= 1 << j;
                }
            }
        }
    }

    /** The permuted index. */
    int apply(int x) {
        int y = 0;
        for (int c = 0; c < tables.length; c++) {
            y |= tables[c][(x >>> (8 * c)) & 255];
        }
        return y;
    }
}
