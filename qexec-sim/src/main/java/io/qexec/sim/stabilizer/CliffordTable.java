package io.qexec.sim.stabilizer;

import io.qexec.circuit.Matrix;

/**
 * A Clifford gate on k qubits given by how it conjugates every Hermitian Pauli string on those qubits.
 *
 * <p>A Pauli string is coded as {@code xbits | zbits << k} (bit {@code j} of each part is gate argument
 * {@code j}; x=z=1 is Y). For U and each code P, U·P·U† = (-1)^{negates(P)} · image(P). The table is
 * derived from the gate's unitary, so any gate whose unitary is Clifford (ecr, rx(pi/2), u3 at quarter
 * turns, ...) runs without a hand-written rule; the images are discrete, so the result is exact.
 */
final class CliffordTable {
    private static final double TOLERANCE = 1e-9;

    private final int k;
    private final int[] image;
    private final boolean[] negates;

    private CliffordTable(int k, int[] image, boolean[] negates) {
        this.k = k;
        this.image = image;
        this.negates = negates;
    }

    /**
     * The table of the unitary {@code u} (little-endian: gate argument j is index bit j).
     *
     * @throws IllegalArgumentException if {@code u} does not map every Pauli string to a signed Pauli string
     */
    static CliffordTable of(Matrix u) {
        int k = u.numQubits();
        if (k > 3 || u.dimension() != 1 << k) {
            throw new IllegalArgumentException("Clifford tables are built for gates on 1 to 3 qubits, got dimension "
                    + u.dimension());
        }
        int codes = 1 << (2 * k);
        int[] image = new int[codes];
        boolean[] negates = new boolean[codes];
        Matrix adjoint = u.adjoint();
        for (int code = 0; code < codes; code++) {
            Matrix conjugated = u.multiply(pauli(k, code)).multiply(adjoint);
            int found = -1;
            for (int candidate = 0; candidate < codes && found < 0; candidate++) {
                Matrix p = pauli(k, candidate);
                if (conjugated.approximatelyEquals(p, TOLERANCE)) {
                    found = candidate;
                } else if (conjugated.approximatelyEquals(p.scale(-1, 0), TOLERANCE)) {
                    found = candidate;
                    negates[code] = true;
                }
            }
            if (found < 0) {
                throw new IllegalArgumentException("the unitary is not a Clifford operation");
            }
            image[code] = found;
        }
        return new CliffordTable(k, image, negates);
    }

    /** The Hermitian Pauli matrix of a code on {@code k} qubits. */
    static Matrix pauli(int k, int code) {
        int d = 1 << k;
        int xbits = code & (d - 1);
        int zbits = code >>> k;
        double[] re = new double[d * d];
        double[] im = new double[d * d];
        for (int b = 0; b < d; b++) {
            // P|b> = phase |b ^ xbits>: Z and Y contribute (-1)^b_j, each Y a further factor i.
            int ys = Integer.bitCount(xbits & zbits);
            int minus = Integer.bitCount(zbits & b);
            int quarter = (ys + 2 * minus) & 3; // phase i^quarter
            int row = b ^ xbits;
            switch (quarter) {
                case 0 -> re[row * d + b] = 1;
                case 1 -> im[row * d + b] = 1;
                case 2 -> re[row * d + b] = -1;
                default -> im[row * d + b] = -1;
            }
        }
        return Matrix.of(re, im);
    }

    /** The number of qubits. */
    int numQubits() {
        return k;
    }

    /** The code of the image of the Pauli string {@code code}. */
    int image(int code) {
        return image[code];
    }

    /** Whether the image of {@code code} carries a minus sign. */
    boolean negates(int code) {
        return negates[code];
    }
}
