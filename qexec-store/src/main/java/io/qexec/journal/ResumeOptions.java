package io.qexec.journal;

/**
 * How to resume a run.
 *
 * @param resubmitUnknown send again the remote jobs whose submission outcome is unknown (the process died while
 *     sending them, and their provider can neither look them up nor deduplicate); this may run them twice
 * @param blocking whether {@link RunResumer#resume} returns only when the run is complete
 */
public record ResumeOptions(boolean resubmitUnknown, boolean blocking) {

    /** Blocking, never resending a job of unknown outcome. */
    public static ResumeOptions defaults() {
        return new ResumeOptions(false, true);
    }

    /** These options, resending jobs of unknown outcome or not. */
    public ResumeOptions resubmitUnknown(boolean on) {
        return new ResumeOptions(on, blocking);
    }

    /** These options, blocking or not. */
    public ResumeOptions blocking(boolean on) {
        return new ResumeOptions(resubmitUnknown, on);
    }
}
