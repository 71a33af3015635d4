package io.qexec.result;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The live view of one run: every job of the dispatch is registered before the first one starts, so a job
 * that has not finished shows as {@link JobState#PENDING} (or a later non-terminal state), never as missing.
 *
 * <p>The run is complete when every job has reached a terminal state <em>and</em> the merge policy, if one
 * was asked for, has produced its value: {@link #isComplete()}, {@link #await(Duration)} and
 * {@link #completion()} all include the merge, so a merged result is always there once they say so.
 *
 * <p>Implementations are thread-safe; every accessor returns an immutable snapshot.
 */
public interface ResultCollector {

    /** The run's id (also the key of its records in the job store). */
    String runId();

    /** Every job's current result, provider → backend → list in dispatch order. */
    Map<String, Map<String, List<JobResult>>> results();

    /** Every job's current result in dispatch order. */
    List<JobResult> jobs();

    /** One job's current result. */
    Optional<JobResult> job(String jobId);

    /** The results of one circuit's jobs, in dispatch order (empty if the index has no job). */
    List<JobResult> forCircuit(int circuitIndex);

    /** The results grouped by circuit index, in increasing index order. */
    Map<Integer, List<JobResult>> byCircuit();

    /** How many jobs are in each state. */
    Map<JobState, Integer> stateCounts();

    /** Whether every job is terminal and the merge, if any, has finished. */
    boolean isComplete();

    /**
     * Waits until the run is complete or the timeout passes. A zero timeout checks without waiting.
     *
     * @return whether the run is complete
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean await(Duration timeout) throws InterruptedException;

    /** A future completed with this collector once the run (merge included) is complete. */
    CompletableFuture<ResultCollector> completion();

    /** The merge's outcome, once it has run; empty while jobs are running or when no merge was asked for. */
    Optional<MergedResult> merged();

    /** Adds a listener; events already past are not replayed, except completion if the run is already complete. */
    void addListener(RunListener listener);

    /**
     * Cancels one job if it has not finished: it ends in {@link JobState#CANCELLED} and its provider is asked to
     * cancel the remote job.
     *
     * @return whether the job was still running and is now cancelled
     * @throws IllegalArgumentException if the run has no such job
     */
    boolean cancel(String jobId);

    /** Cancels every unfinished job; returns how many were cancelled. */
    int cancelAll();

    /** A tabular view of the current results: one row per (circuit, provider, backend, job, bitstring). */
    default ResultTable table() {
        return ResultTable.of(jobs());
    }
}
