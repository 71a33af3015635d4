package io.qexec.result;

/**
 * Receives a run's events. Called on the thread that caused the event; implementations should return
 * quickly. An exception thrown by a listener is logged and does not affect the run.
 */
public interface RunListener {

    /** A job changed state (or received its provider job id). */
    default void jobUpdated(JobResult result) {
    }

    /** The run is complete: every job is terminal and the merge, if any, has finished. */
    default void completed(ResultCollector collector) {
    }
}
