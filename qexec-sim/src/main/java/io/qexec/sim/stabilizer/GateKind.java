package io.qexec.sim.stabilizer;

/** The Clifford gates the tableau and the frames apply with dedicated rules. */
enum GateKind {
    X(1), Y(1), Z(1), H(1), S(1), SDG(1), SX(1), SXDG(1), CX(2), CY(2), CZ(2), SWAP(2), ISWAP(2);

    private final int arity;

    GateKind(int arity) {
        this.arity = arity;
    }

    /** The number of qubits. */
    int arity() {
        return arity;
    }

    /** Whether the gate is a Pauli (X, Y or Z), which only changes signs. */
    boolean isPauli() {
        return this == X || this == Y || this == Z;
    }
}
