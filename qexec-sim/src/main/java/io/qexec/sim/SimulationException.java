package io.qexec.sim;

/** A circuit cannot be simulated as asked; the message says why and, where possible, what to do instead. */
public class SimulationException extends RuntimeException {
    /** @param message what went wrong, for a person */
    public SimulationException(String message) {
        super(message);
    }

    /** @param message what went wrong, for a person
     *  @param cause the underlying failure */
    public SimulationException(String message, Throwable cause) {
        super(message, cause);
    }
}
