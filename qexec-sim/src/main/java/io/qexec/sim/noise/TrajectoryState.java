package io.qexec.sim.noise;

import java.util.random.RandomGenerator;

/**
 * The pure state one trajectory evolves: what the trajectory sampler needs from a statevector engine. It is
 * the seam where the sampler can move onto the shared statevector engine; {@link PlainStatevector} is the
 * minimal implementation it uses today.
 */
interface TrajectoryState {

    /** The number of qubits. */
    int numQubits();

    /** Resets to |0...0>. */
    void reset();

    /**
     * Applies a (not necessarily unitary) matrix on qubits, given row-major as real and imaginary parts; the
     * first qubit is the least-significant bit of its index.
     */
    void apply(double[] matrixRe, double[] matrixIm, int[] qubits);

    /**
     * The reduced density matrix on {@code qubits} (row-major {@code d x d}, {@code d = 2^qubits.length}), as
     * {@code [re, im]}; unnormalised if the state is.
     */
    double[][] reducedDensityMatrix(int[] qubits);

    /** Multiplies every amplitude by {@code factor}. */
    void scale(double factor);

    /** Zeroes the amplitudes where {@code qubit != outcome}. */
    void project(int qubit, boolean outcome);

    /** The probability that {@code qubit} reads 1. */
    double probabilityOfOne(int qubit);

    /** Draws a basis state index with probability {@code |amplitude|²}. */
    long sampleIndex(RandomGenerator random);

    /** The probability of every basis state. */
    double[] probabilities();
}
