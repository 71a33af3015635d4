package io.qexec.provider;

import java.util.Objects;
import java.util.Optional;

/**
 * A provider's answer to a submission: the handle of the accepted job and, for providers that run the job
 * while submitting (the embedded simulators), its result.
 *
 * @param job the handle of the accepted job
 * @param result the finished result, when the provider already has it; {@code null} otherwise
 */
public record Submission(ProviderJob job, ProviderResult result) {

    public Submission {
        Objects.requireNonNull(job, "job");
    }

    /** The job was accepted and will be polled. */
    public static Submission accepted(ProviderJob job) {
        return new Submission(job, null);
    }

    /** The job was accepted and has already finished. */
    public static Submission finished(ProviderJob job, ProviderResult result) {
        return new Submission(job, Objects.requireNonNull(result, "result"));
    }

    /** The result, when the job finished during submission. */
    public Optional<ProviderResult> immediateResult() {
        return Optional.ofNullable(result);
    }
}
