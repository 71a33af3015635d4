package io.qexec.provider;

import io.qexec.result.JobError;
import java.util.Objects;

/**
 * A provider could not do what was asked. The executor turns it into a {@link JobError} on the job it
 * concerns; it never stops sibling jobs. Messages must not contain credentials.
 */
public class ProviderException extends RuntimeException {
    private final JobError.Kind kind;
    private final String providerDetail;

    /**
     * @param kind the category of failure
     * @param message what went wrong, for a person
     * @param providerDetail the provider's own error text or code (may be empty)
     */
    public ProviderException(JobError.Kind kind, String message, String providerDetail) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.providerDetail = providerDetail == null ? "" : providerDetail;
    }

    /**
     * @param kind the category of failure
     * @param message what went wrong, for a person
     * @param cause the underlying failure
     */
    public ProviderException(JobError.Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.providerDetail = "";
    }

    /** The category of failure. */
    public JobError.Kind kind() {
        return kind;
    }

    /** The provider's own error text or code; empty when none. */
    public String providerDetail() {
        return providerDetail;
    }

    /** This failure as a value. */
    public JobError toError() {
        return new JobError(kind, getMessage(), providerDetail);
    }
}
