package io.qexec.journal;

/** What resuming does with one job, decided from what the journal holds. */
enum JobAction {
    /** Final in the journal: its recorded result is used; the provider is not asked again. */
    KEEP,
    /** Accepted by a remote provider: polled and fetched with the recorded handle, never sent again. */
    REATTACH,
    /** Never handed to its remote provider: submitted now. */
    SUBMIT,
    /** A re-runnable (local) job that had not finished: run again. */
    RERUN,
    /** Perhaps at the provider, with no handle: resolved by a lookup, an idempotent resend, or not at all. */
    UNKNOWN
}
