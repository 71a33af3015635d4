package io.qexec.provider;

/** Whether a backend accepts jobs now. */
public enum BackendStatus {
    /** Accepting and running jobs. */
    ONLINE,
    /** Not available. */
    OFFLINE,
    /** Temporarily unavailable for calibration or maintenance. */
    MAINTENANCE;

    /** The lower-case name used in messages and files. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
