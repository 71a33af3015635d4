package io.qexec.result;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a job passed its milestones. Each instant is {@code null} until the milestone is reached.
 *
 * @param submitted when the provider accepted the job
 * @param started when the backend started executing it, if the provider reports it
 * @param finished when the job reached a terminal state
 */
public record JobTimings(Instant submitted, Instant started, Instant finished) {

    /** No milestone reached yet. */
    public static final JobTimings NONE = new JobTimings(null, null, null);

    /** The time from submission to the end, when both are known. */
    public Optional<Duration> elapsed() {
        return submitted == null || finished == null ? Optional.empty() : Optional.of(Duration.between(submitted, finished));
    }

    /** These timings with the submission instant. */
    public JobTimings withSubmittedAt(Instant t) {
        return new JobTimings(t, started, finished);
    }

    /** These timings with the start instant. */
    public JobTimings withStartedAt(Instant t) {
        return new JobTimings(submitted, t, finished);
    }

    /** These timings with the end instant. */
    public JobTimings withFinishedAt(Instant t) {
        return new JobTimings(submitted, started, t);
    }
}
