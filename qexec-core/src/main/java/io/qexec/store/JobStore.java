package io.qexec.store;

import io.qexec.dispatch.Dispatch;
import io.qexec.provider.ProviderJob;
import io.qexec.result.JobError;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import io.qexec.result.MergedResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a run's progress is recorded, in the order it happens: the run and every job's intent before the
 * first submission, the provider's job id when a job is accepted, every state transition, each result as it
 * arrives, and the merged result. With a durable store a crashed run can be resumed without submitting again
 * the jobs a provider already accepted.
 *
 * <p>Implementations are thread-safe; calls for different jobs of a run may come from different threads.
 * A store failure is logged by the executor and does not fail the job.
 */
public interface JobStore {

    /** A new, unused run id; a durable store may hand out short readable ones. The default is a random UUID. */
    default String newRunId() {
        return UUID.randomUUID().toString();
    }

    /** A run is about to start; nothing has been submitted yet. */
    void runStarted(RunRecord run);

    /** A job is about to be submitted (recorded for every job before the first submission). */
    void jobIntent(String runId, Dispatch.Entry entry);

    /**
     * A remote job is being handed to its provider now: after this call the provider may have it even if no
     * handle is ever recorded. The executor does not submit the job when this call throws. The default does
     * nothing.
     */
    default void jobSubmitting(String runId, String jobId) {
    }

    /** The provider accepted a job and gave it this handle. */
    void jobAccepted(String runId, String jobId, ProviderJob handle);

    /** A job changed state ({@code error} is set for FAILED and CANCELLED). */
    void jobState(String runId, String jobId, JobState state, Instant at, JobError error);

    /** A job's final result arrived. */
    void jobResult(String runId, JobResult result);

    /** The merge produced its result. */
    void merged(String runId, MergedResult merged);

    /** The runs recorded, oldest first. */
    List<RunRecord> runs();

    /** Everything recorded about one run. */
    Optional<StoredRun> run(String runId);
}
