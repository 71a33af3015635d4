package io.qexec.policy;

/**
 * Turns one circuit and its shots into jobs on backends. Called once per circuit of an experiment, in
 * order; the policy data it returns is handed to the call for the next circuit, and after the last circuit to
 * the merge policy (unless the caller gives merge data).
 *
 * <p>Jobs of the returned dispatch may carry any circuit index; the executor sets it to the circuit's.
 */
@FunctionalInterface
public interface SplitPolicy {

    /**
     * Splits one circuit's shots.
     *
     * @throws IllegalArgumentException when the request cannot be split (no backends, missing policy data),
     *     with a message naming the problem
     */
    SplitOutcome split(SplitRequest request);
}
