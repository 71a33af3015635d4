package io.qexec.result;

/**
 * The canonical state of a job, whatever the provider. Provider-specific states are mapped to these at the
 * provider's edge.
 *
 * <pre>
 * PENDING → SUBMITTED → QUEUED → RUNNING → COMPLETED
 *                                        ↘ FAILED | CANCELLED (from any non-terminal state)
 * </pre>
 */
public enum JobState {
    /** Registered in the run, not yet handed to its provider. */
    PENDING,
    /** Accepted by the provider (it has a provider job id). */
    SUBMITTED,
    /** Waiting in the provider's queue. */
    QUEUED,
    /** Executing on the backend. */
    RUNNING,
    /** Finished with counts. */
    COMPLETED,
    /** Finished without counts; the result carries a {@link JobError}. */
    FAILED,
    /** Stopped on request before it finished. */
    CANCELLED;

    /** Whether no further transition can happen. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
