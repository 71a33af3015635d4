package io.qexec.result;

import java.util.Objects;

/**
 * Why a job failed or was cancelled: a failure is a value attached to the job's result, never an exception
 * that stops sibling jobs.
 *
 * @param kind the category of the failure
 * @param message what went wrong, for a person (never contains credentials)
 * @param providerDetail the provider's own error text or code, empty when there is none
 */
public record JobError(Kind kind, String message, String providerDetail) {

    /** Categories of failure. */
    public enum Kind {
        /** The job itself is invalid for its backend (too wide, bad option, unsupported operation). */
        INVALID_INPUT,
        /** The provider is not configured or could not start. */
        PROVIDER_UNAVAILABLE,
        /** The backend is unknown, offline or in maintenance. */
        BACKEND_UNAVAILABLE,
        /** The provider refused the submission or the connection failed. */
        SUBMISSION_FAILED,
        /** The backend accepted the job but the execution failed. */
        EXECUTION_FAILED,
        /** The job did not finish within its time limit. */
        TIMEOUT,
        /** The job was cancelled on request. */
        CANCELLED,
        /** An unexpected failure inside the executor or a provider adapter. */
        INTERNAL
    }

    public JobError {
        Objects.requireNonNull(kind, "kind");
        message = message == null ? "" : message;
        providerDetail = providerDetail == null ? "" : providerDetail;
    }

    /** An error without provider detail. */
    public static JobError of(Kind kind, String message) {
        return new JobError(kind, message, "");
    }

    @Override
    public String toString() {
        return kind + ": " + message + (providerDetail.isEmpty() ? "" : " [" + providerDetail + "]");
    }
}
