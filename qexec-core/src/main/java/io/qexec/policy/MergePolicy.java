package io.qexec.policy;

/**
 * Combines a run's results into one value. Called once, after every job has reached a terminal state;
 * failed and cancelled jobs are part of the input (a policy decides whether to skip them, and the built-ins
 * report skipped jobs in their output data).
 */
@FunctionalInterface
public interface MergePolicy {

    /**
     * Merges results.
     *
     * @throws RuntimeException when the merge cannot be done; the executor records it as the merge's error
     */
    MergeOutcome merge(MergeRequest request);
}
