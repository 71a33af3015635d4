package io.qexec.remote;

/** What kind of thing went wrong talking to a provider. */
public enum RemoteFailureKind {
    /** 401/403: the API key is missing, wrong or lacks rights. Not retried. */
    AUTHENTICATION,
    /** 404: the backend, job or result does not exist. */
    NOT_FOUND,
    /** 400/422: the provider rejected the request; the provider's detail says why. */
    VALIDATION,
    /** 402: out of credits or quota. */
    QUOTA,
    /** 409: the resource is not in a state that allows the request (e.g. a result not yet available). */
    CONFLICT,
    /** 429 after every retry. */
    RATE_LIMITED,
    /** 5xx after every retry. */
    SERVER,
    /** The connection failed or timed out after every retry. */
    CONNECTION,
    /**
     * A non-idempotent request (a submission) may or may not have reached the provider: it timed out or the
     * connection dropped after it was sent, or the provider answered 5xx. It must not be re-sent blindly.
     */
    AMBIGUOUS,
    /** The job did not reach a final state within its timeout. */
    TIMEOUT,
    /** The job ran and failed at the provider. */
    JOB_FAILED,
    /** The job was cancelled. */
    CANCELLED,
    /** The provider answered something this client cannot read. */
    PROTOCOL,
    /** The caller was interrupted. */
    INTERRUPTED
}
