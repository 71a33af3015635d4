package io.qexec.sim.statevector;

/**
 * Settings of the fusion pass.
 *
 * @param maxFusedQubits widest dense block built from neighbouring gates (0 or 1 turns block fusion off)
 * @param maxDiagonalQubits widest table built from a run of diagonal gates (0 turns diagonal fusion off)
 * @param relabelSwaps apply uncontrolled swaps by renaming qubits instead of moving amplitudes
 */
record FusionOptions(int maxFusedQubits, int maxDiagonalQubits, boolean relabelSwaps) {
    /** Tuned on the benchmark machine (see docs/performance.md). */
    static final FusionOptions DEFAULT = new FusionOptions(3, 12, true);
    /** One kernel per gate, no renaming: the reference behaviour. */
    static final FusionOptions NONE = new FusionOptions(0, 0, false);

    FusionOptions {
        if (maxFusedQubits < 0 || maxFusedQubits > 6) {
            throw new IllegalArgumentException("maxFusedQubits must be in 0..6, was " + maxFusedQubits);
        }
        if (maxDiagonalQubits < 0 || maxDiagonalQubits > 16) {
            throw new IllegalArgumentException("maxDiagonalQubits must be in 0..16, was " + maxDiagonalQubits);
        }
    }
}
