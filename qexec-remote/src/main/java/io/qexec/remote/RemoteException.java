package io.qexec.remote;

import io.qexec.provider.ProviderException;
import io.qexec.result.JobError;
import java.util.Optional;

/**
 * A failed remote call, typed by {@link RemoteFailureKind}, with the provider's name, the HTTP status when
 * there was one, and the provider's own detail. Messages never hold credentials.
 */
public class RemoteException extends RuntimeException {
    private final String provider;
    private final RemoteFailureKind kind;
    private final int httpStatus;
    private final String providerDetail;

    /**
     * @param provider the provider's name, e.g. {@code ionq}
     * @param kind what went wrong
     * @param httpStatus the HTTP status, or 0 when there was no response
     * @param message a message for a person
     * @param providerDetail the provider's own words (may be null)
     * @param cause the underlying failure (may be null)
     */
    public RemoteException(String provider, RemoteFailureKind kind, int httpStatus, String message,
                           String providerDetail, Throwable cause) {
        super(message, cause);
        this.provider = provider;
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.providerDetail = providerDetail;
    }

    /** A failure without an HTTP status or provider detail. */
    public RemoteException(String provider, RemoteFailureKind kind, String message, Throwable cause) {
        this(provider, kind, 0, message, null, cause);
    }

    /**
     * The typed failure for an HTTP error status, with the standard message: 401/403 say
     * {@code invalid or missing API key for <provider>}, 404 says what was not found, 400/422 carry the
     * provider's detail.
     */
    public static RemoteException forStatus(String provider, int status, String what, String detail) {
        String d = detail == null || detail.isBlank() ? "" : ": " + detail;
        return switch (status) {
            case 401, 403 -> new RemoteException(provider, RemoteFailureKind.AUTHENTICATION, status,
                    "invalid or missing API key for " + provider + d, detail, null);
            case 404 -> new RemoteException(provider, RemoteFailureKind.NOT_FOUND, status,
                    what + " not found at " + provider + d, detail, null);
            case 400, 422 -> new RemoteException(provider, RemoteFailureKind.VALIDATION, status,
                    provider + " rejected " + what + d, detail, null);
            case 402 -> new RemoteException(provider, RemoteFailureKind.QUOTA, status,
                    provider + " refused " + what + " for lack of credits or quota" + d, detail, null);
            case 409 -> new RemoteException(provider, RemoteFailureKind.CONFLICT, status,
                    provider + " cannot serve " + what + " in its current state" + d, detail, null);
            case 429 -> new RemoteException(provider, RemoteFailureKind.RATE_LIMITED, status,
                    provider + " kept rate-limiting " + what + " (HTTP 429)" + d, detail, null);
            default -> status >= 500
                    ? new RemoteException(provider, RemoteFailureKind.SERVER, status,
                            provider + " failed serving " + what + " (HTTP " + status + ")" + d, detail, null)
                    : new RemoteException(provider, RemoteFailureKind.PROTOCOL, status,
                            provider + " answered " + what + " with HTTP " + status + d, detail, null);
        };
    }

    /** The provider's name. */
    public String provider() {
        return provider;
    }

    /** What went wrong. */
    public RemoteFailureKind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no response. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The provider's own words, when it gave any. */
    public Optional<String> providerDetail() {
        return Optional.ofNullable(providerDetail);
    }

    /** This failure as the core's typed provider failure, keeping the message and the provider's detail. */
    public ProviderException toProviderException() {
        JobError.Kind k = switch (kind) {
            case AUTHENTICATION -> JobError.Kind.PROVIDER_UNAVAILABLE;
            case NOT_FOUND -> JobError.Kind.BACKEND_UNAVAILABLE;
            case VALIDATION -> JobError.Kind.INVALID_INPUT;
            case JOB_FAILED -> JobError.Kind.EXECUTION_FAILED;
            case TIMEOUT -> JobError.Kind.TIMEOUT;
            case CANCELLED -> JobError.Kind.CANCELLED;
            case INTERRUPTED -> JobError.Kind.INTERNAL;
            default -> JobError.Kind.SUBMISSION_FAILED;
        };
        return new ProviderException(k, getMessage(), providerDetail);
    }

    /** This failure as a value for a job's result. */
    public JobError toJobError() {
        return toProviderException().toError();
    }

    /** Whether trying again later may succeed (rate limits, server and connection failures, timeouts). */
    public boolean isTransient() {
        return switch (kind) {
            case RATE_LIMITED, SERVER, CONNECTION, TIMEOUT, AMBIGUOUS -> true;
            default -> false;
        };
    }
}
