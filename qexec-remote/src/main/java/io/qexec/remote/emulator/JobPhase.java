package io.qexec.remote.emulator;

import java.time.Duration;

/**
 * Where an emulated job is in its life, by the time since submission: submitted for the first tenth of the
 * job duration, queued until four tenths, running until the end, then done. Each emulator names these
 * phases with its provider's status strings.
 */
public enum JobPhase {
    /** Just accepted. */
    SUBMITTED,
    /** In the queue. */
    QUEUED,
    /** Running. */
    RUNNING,
    /** Finished. */
    DONE;

    /** The phase {@code elapsed} after submission of a job taking {@code duration}. */
    public static JobPhase at(Duration elapsed, Duration duration) {
        long d = duration.toNanos();
        long e = elapsed.toNanos();
        if (e >= d) {
            return DONE;
        }
        if (e * 10 < d) {
            return SUBMITTED;
        }
        return e * 10 < d * 4 ? QUEUED : RUNNING;
    }
}
