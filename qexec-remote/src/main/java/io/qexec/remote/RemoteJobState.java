package io.qexec.remote;

/** A remote job's state in the engine's terms; each adapter maps its provider's strings to these. */
public enum RemoteJobState {
    /** Accepted by the provider, not yet validated or queued. */
    SUBMITTED,
    /** Waiting in the provider's queue. */
    QUEUED,
    /** Running. */
    RUNNING,
    /** Being cancelled. */
    CANCELLING,
    /** Finished; the result can be fetched. */
    COMPLETED,
    /** Finished without a result. */
    FAILED,
    /** Cancelled. */
    CANCELLED,
    /** A state the adapter does not know (or a hold); polling goes on. */
    UNKNOWN;

    /** Whether the job will not change state any more. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
