package io.qexec.remote;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one remote job ended: its final state, its result or its typed failure, and what happened on the way
 * (ambiguous submissions and how they were resolved, retries of a status call, a cancel on timeout).
 *
 * @param jobId the provider's job id, when the job was submitted
 * @param tag the tag the job was submitted with
 * @param state the final state ({@link RemoteJobState#COMPLETED}, {@link RemoteJobState#FAILED} or {@link RemoteJobState#CANCELLED})
 * @param result the result, when completed
 * @param failure the failure, when not completed
 * @param events notable events, in order, for the job's journal
 * @param submissions how many times the job was sent to the provider
 * @param <R> the result type
 */
public record RemoteOutcome<R>(Optional<String> jobId, String tag, RemoteJobState state, Optional<R> result,
                               Optional<RemoteException> failure, List<String> events, int submissions) {

    public RemoteOutcome {
        Objects.requireNonNull(state, "state");
        jobId = jobId == null ? Optional.empty() : jobId;
        result = result == null ? Optional.empty() : result;
        failure = failure == null ? Optional.empty() : failure;
        events = List.copyOf(events);
    }

    /** Whether the job completed with a result. */
    public boolean isCompleted() {
        return state == RemoteJobState.COMPLETED && result.isPresent();
    }
}
