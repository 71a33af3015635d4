package io.qexec.remote;

import java.util.Optional;

/**
 * One job's calls to its provider, as an adapter implements them for {@link RemoteJobRunner}. Every method
 * blocks and throws {@link RemoteException} on failure.
 *
 * @param <R> the result type
 */
public interface RemoteJobApi<R> {

    /**
     * Submits the job, labelled with {@code tag} (a unique name the provider keeps, so that the job can be
     * found again) and returns the provider's job id. Idempotent providers pass the tag as their
     * idempotency key.
     */
    String submit(String tag);

    /**
     * Looks up a job this client submitted with {@code tag}, after an ambiguous submission. Providers that
     * cannot search return empty, and the runner then re-sends.
     */
    Optional<String> findByTag(String tag);

    /** Reads the job's status. */
    RemoteStatus status(String jobId);

    /** Fetches the result of a completed job. */
    R result(String jobId);

    /** Asks the provider to cancel the job. */
    void cancel(String jobId);
}
