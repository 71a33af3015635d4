package io.qexec.sim.stabilizer;

/**
 * The phase of a product of Hermitian Pauli strings, 64 qubits at a time.
 *
 * <p>With (x, z) = (1, 0) for X, (0, 1) for Z and (1, 1) for Y, a single-qubit product P1·P2 is
 * i^g·P3 with g = +1 for XY, YZ, ZX, g = -1 for YX, ZY, XZ and g = 0 otherwise.
 */
final class PauliProducts {
    private PauliProducts() {
    }

    /** The sum of g over the 64 qubit positions of one word of P1 = (x1, z1) times P2 = (x2, z2). */
    static int phaseExponent(long x1, long z1, long x2, long z2) {
        long plus = (x1 & ~z1 & x2 & z2) | (x1 & z1 & ~x2 & z2) | (~x1 & z1 & x2 & ~z2);
        long minus = (x1 & z1 & x2 & ~z2) | (~x1 & z1 & x2 & z2) | (x1 & ~z1 & ~x2 & z2);
        return Long.bitCount(plus) - Long.bitCount(minus);
    }
}
