package io.qexec.store;

import io.qexec.provider.ProviderJob;
import io.qexec.result.JobError;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import io.qexec.result.MergedResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a store holds about one run.
 *
 * @param run the run as started
 * @param jobs per job id, in dispatch order
 * @param merged the merged result; {@code null} until the merge ran
 */
public record StoredRun(RunRecord run, Map<String, StoredJob> jobs, MergedResult merged) {

    /**
     * What a store holds about one job.
     *
     * @param provider the provider
     * @param backend the backend
     * @param handle the provider's handle once accepted; {@code null} before
     * @param transitions every state change, in order
     * @param result the final result; {@code null} until it arrives
     */
    public record StoredJob(String provider, String backend, ProviderJob handle, List<Transition> transitions,
                            JobResult result) {
    }

    /**
     * One state change.
     *
     * @param state the new state
     * @param at when
     * @param error the error for FAILED and CANCELLED; {@code null} otherwise
     */
    public record Transition(JobState state, Instant at, JobError error) {
    }
}
