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

    JobTimings withSubmitted(Instant t) {
        return new JobTimings(t, started, finished);
    }

    JobTimings withStarted(Instant t) {
        return new JobTimings(submitted, t, finished);
    }

    JobTimings withFinished(Instant t) {
        return new JobTimings(submitted, started, t);
    }
}
