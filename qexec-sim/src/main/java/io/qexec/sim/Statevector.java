package io.qexec.sim;

/**
 * A final state's amplitudes, index bit {@code i} = qubit {@code i} (little-endian, as Qiskit).
 * The arrays are the caller's to keep; they are not copied.
 *
 * @param re real parts
 * @param im imaginary parts
 */
public record Statevector(double[] re, double[] im) {

    /** The number of qubits. */
    public int numQubits() {
        return Integer.numberOfTrailingZeros(re.length);
    }

    /** The probability of basis state {@code index}. */
    public double probability(int index) {
        return re[index] * re[index] + im[index] * im[index];
    }
}
