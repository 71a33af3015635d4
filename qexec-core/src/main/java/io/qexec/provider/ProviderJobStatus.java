package io.qexec.provider;

import io.qexec.result.JobError;
import io.qexec.result.JobState;
import java.util.Objects;

/**
 * A job's state as the provider reports it, already mapped to the canonical states.
 *
 * @param state the canonical state
 * @param error for {@link JobState#FAILED} or {@link JobState#CANCELLED}: why; otherwise {@code null}
 */
public record ProviderJobStatus(JobState state, JobError error) {

    public ProviderJobStatus {
        Objects.requireNonNull(state, "state");
    }

    /** A status without error. */
    public static ProviderJobStatus of(JobState state) {
        return new ProviderJobStatus(state, null);
    }

    /** A failed status. */
    public static ProviderJobStatus failed(JobError error) {
        return new ProviderJobStatus(JobState.FAILED, error);
    }
}
