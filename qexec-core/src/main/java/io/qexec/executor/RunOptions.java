package io.qexec.executor;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to run a dispatch. The defaults: parallel, blocking, no merge, no job timeout, no per-backend limit.
 *
 * <pre>{@code
 * RunOptions.defaults().merge("aggregate").nonBlocking()
 * }</pre>
 *
 * @param parallel whether jobs run concurrently (remote jobs on virtual threads, local simulations on a
 *     bounded pool sized to the cores); otherwise one after another in dispatch order
 * @param blocking whether the call returns only when the run is complete (merge included); otherwise the
 *     collector is returned at once
 * @param mergePolicy the merge policy's name; {@code null} for no merge
 * @param mergeData the data handed to the merge; {@code null} to use the split policy's output data
 *     ({@code runExperiment}) or an empty map ({@code runDispatch})
 * @param jobTimeout the longest a remote job may take from submission; {@code null} for no limit
 * @param maxJobsPerBackend the most jobs running at once on one backend; 0 for no limit
 */
public record RunOptions(boolean parallel, boolean blocking, String mergePolicy, Map<String, Object> mergeData,
                         Duration jobTimeout, int maxJobsPerBackend) {

    public RunOptions {
        if (maxJobsPerBackend < 0) {
            throw new IllegalArgumentException("maxJobsPerBackend must be 0 (no limit) or positive, got " + maxJobsPerBackend);
        }
        if (jobTimeout != null && (jobTimeout.isNegative() || jobTimeout.isZero())) {
            throw new IllegalArgumentException("jobTimeout must be positive, got " + jobTimeout);
        }
        mergeData = mergeData == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(mergeData));
    }

    /** Parallel, blocking, no merge, no timeout, no per-backend limit. */
    public static RunOptions defaults() {
        return new RunOptions(true, true, null, null, null, 0);
    }

    /** These options, running jobs one after another. */
    public RunOptions sequential() {
        return new RunOptions(false, blocking, mergePolicy, mergeData, jobTimeout, maxJobsPerBackend);
    }

    /** These options, running jobs concurrently. */
    public RunOptions parallel(boolean on) {
        return new RunOptions(on, blocking, mergePolicy, mergeData, jobTimeout, maxJobsPerBackend);
    }

    /** These options, returning the collector at once. */
    public RunOptions nonBlocking() {
        return new RunOptions(parallel, false, mergePolicy, mergeData, jobTimeout, maxJobsPerBackend);
    }

    /** These options, blocking or not. */
    public RunOptions waitForCompletion(boolean on) {
        return new RunOptions(parallel, on, mergePolicy, mergeData, jobTimeout, maxJobsPerBackend);
    }

    /** These options with a merge policy and the default merge data. */
    public RunOptions merge(String policy) {
        return new RunOptions(parallel, blocking, policy, mergeData, jobTimeout, maxJobsPerBackend);
    }

    /** These options with a merge policy and its data. */
    public RunOptions merge(String policy, Map<String, Object> data) {
        return new RunOptions(parallel, blocking, policy, data, jobTimeout, maxJobsPerBackend);
    }

    /** These options with a job timeout. */
    public RunOptions jobTimeout(Duration timeout) {
        return new RunOptions(parallel, blocking, mergePolicy, mergeData, timeout, maxJobsPerBackend);
    }

    /** These options with a per-backend concurrency limit. */
    public RunOptions maxJobsPerBackend(int limit) {
        return new RunOptions(parallel, blocking, mergePolicy, mergeData, jobTimeout, limit);
    }
}
