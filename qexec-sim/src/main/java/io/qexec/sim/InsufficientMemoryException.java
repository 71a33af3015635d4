package io.qexec.sim;

/**
 * Thrown before a simulation starts when its state would not fit in the memory the JVM can still
 * allocate (or exceeds the largest state the engine supports).
 *
 * <p>The message states what was needed and what is available, for example
 * {@code "statevector of 31 qubits needs 32 GiB, 18 GiB available; use the stabilizer method or fewer qubits"}.
 */
public class InsufficientMemoryException extends SimulationException {
    private static final long serialVersionUID = 1L;

    private final long bytesNeeded;
    private final long bytesAvailable;

    /**
     * Creates the exception.
     *
     * @param message the full explanation shown to the user
     * @param bytesNeeded bytes the simulation would allocate
     * @param bytesAvailable bytes the JVM could still allocate when the check ran
     */
    public InsufficientMemoryException(String message, long bytesNeeded, long bytesAvailable) {
        super(message);
        this.bytesNeeded = bytesNeeded;
        this.bytesAvailable = bytesAvailable;
    }

    /** @return bytes the simulation would allocate */
    public long bytesNeeded() {
        return bytesNeeded;
    }

    /** @return bytes the JVM could still allocate when the check ran */
    public long bytesAvailable() {
        return bytesAvailable;
    }
}
