package io.qexec.journal;

/** Where a recorded run stands. */
public enum RunStatus {
    /** A live process drives it. */
    RUNNING,
    /** Not every job is final and no live process drives it: {@code qexec resume} continues it. */
    INTERRUPTED,
    /** Every job is final (and the merge, if any, is recorded). */
    FINISHED
}
