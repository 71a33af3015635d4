package io.qexec.sim;

/**
 * Thrown when a simulator cannot run a circuit: the circuit uses something the simulation method
 * does not support, or the simulation would need more resources than the machine has.
 *
 * <p>The message always names the problem and, where there is one, the way around it.
 */
public class SimulationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message naming the problem.
     *
     * @param message what went wrong and, where possible, what to do instead
     */
    public SimulationException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the underlying cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public SimulationException(String message, Throwable cause) {
        super(message, cause);
    }
}
