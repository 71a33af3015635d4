package io.qexec.cli;

/** The exit codes of every qexec command. */
final class ExitCode {
    static final int OK = 0;
    static final int INVALID_INPUT = 2;
    static final int FAILED_JOBS = 3;
    static final int PROVIDER_ERROR = 4;
    /** The run journal cannot be used (corrupt, foreign, full, not writable) or another process holds the run. */
    static final int JOURNAL_ERROR = 5;
    static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
