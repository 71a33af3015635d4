package io.qexec.sim;

import io.qexec.circuit.Circuit;

/**
 * An embedded simulator: runs a circuit for a number of shots and returns counts in the shared bit order
 * (see {@link io.qexec.circuit.Bitstrings}).
 *
 * <p>Implementations are thread-safe: one instance may run several circuits at once.
 */
public interface Simulator {

    /** The method name: {@code statevector}, {@code density_matrix}, {@code stabilizer}, ... */
    String method();

    /**
     * Runs the circuit.
     *
     * @throws SimulationException when the circuit cannot be run by this method (too large, unsupported
     *     operation, unbound parameter), with a message saying why and what to do instead
     */
    SimulationResult run(Circuit circuit, SimulationOptions options);
}
