package io.qexec.journal;

/**
 * Another live process holds the run (it is running or resuming it), so this one may not drive it.
 */
public final class RunBusyException extends JournalException {
    private final RunLease owner;

    RunBusyException(String runId, RunLease owner) {
        super("run " + runId + " is already being driven by process " + owner.pid() + " on " + owner.host()
                + " (since " + owner.since() + "); wait for it to finish or stop it first");
        this.owner = owner;
    }

    /** The process holding the run. */
    public RunLease owner() {
        return owner;
    }
}
