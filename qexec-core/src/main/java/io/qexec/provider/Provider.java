package io.qexec.provider;

import io.qexec.dispatch.Job;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A source of backends: the one interface every provider implements, local or remote.
 *
 * <p>The life of a job on a provider is asynchronous: {@link #submit} hands the job over and returns the
 * provider's handle; the executor then polls {@link #status} (every {@link #pollInterval()}) until the state is
 * terminal and fetches {@link #result}. A provider that runs jobs while submitting (an embedded simulator)
 * returns the result with the submission and is never polled.
 *
 * <p>Every job reaching {@link #submit} has been validated against the {@link Backend} descriptor (qubit
 * count, option names and types, bound parameters). Counts are returned in the shared bit order; provider
 * states are mapped to the canonical ones at this edge.
 *
 * <p>Implementations are thread-safe. They are built from a {@link ProviderConfig} by a
 * {@link ProviderFactory}, so that any process can rebuild them; they must not log or expose credentials.
 */
public interface Provider extends AutoCloseable {

    /** Where a provider's work happens, which decides how the executor schedules it. */
    enum Site {
        /** Runs on this machine and uses its CPUs (an embedded simulator): jobs go to a bounded pool. */
        LOCAL,
        /** Runs elsewhere; the executor only waits on I/O: jobs go to virtual threads. */
        REMOTE
    }

    /** The provider's name, unique in a {@link VirtualProvider}. */
    String name();

    /**
     * The provider's backends with their current status.
     *
     * @throws ProviderException if the provider cannot be reached
     */
    List<Backend> backends();

    /**
     * One backend by name, with its current status.
     *
     * @throws ProviderException if the provider cannot be reached
     */
    default Optional<Backend> backend(String backendName) {
        return backends().stream().filter(b -> b.name().equals(backendName)).findFirst();
    }

    /**
     * Hands a job to a backend.
     *
     * @throws ProviderException if the provider refuses the job or cannot be reached
     */
    Submission submit(Backend backend, Job job);

    /**
     * A submitted job's current state.
     *
     * @throws ProviderException if the provider cannot be reached
     */
    ProviderJobStatus status(ProviderJob job);

    /**
     * A completed job's result.
     *
     * @throws ProviderException if the result cannot be fetched
     */
    ProviderResult result(ProviderJob job);

    /**
     * Asks the provider to cancel a job.
     *
     * @return whether the provider accepted the cancellation
     */
    boolean cancel(ProviderJob job);

    /**
     * Submits a job carrying {@code tag}, a name unique to this run and job ({@link #tag(String, String)}). Adapters
     * whose provider can search its jobs attach the tag to the job (as metadata, a client reference or an
     * idempotency token), so that {@link #findSubmitted(Backend, Job, String)} finds the job after the submitting
     * process died before keeping the handle. The executor submits through this method; the default ignores the tag.
     *
     * @throws ProviderException as {@link #submit(Backend, Job)}
     */
    default Submission submit(Backend backend, Job job, String tag) {
        return submit(backend, job);
    }

    /**
     * Looks up a job that may have been submitted before without its handle being kept (the submitting process
     * died during the call), by the job's {@link Job#id()}, which adapters pass to the provider as a tag or
     * client reference.
     *
     * @return the handle when the provider has the job; empty when it certainly does not
     * @throws UnsupportedOperationException when the provider cannot search its jobs (the default)
     * @throws ProviderException if the provider cannot be reached
     */
    default Optional<ProviderJob> findSubmitted(Backend backend, Job job) {
        throw new UnsupportedOperationException(name() + " cannot look up submitted jobs");
    }

    /**
     * Looks up a job submitted by {@link #submit(Backend, Job, String)} with {@code tag}. The default looks it up
     * by its job id ({@link #findSubmitted(Backend, Job)}).
     *
     * @return the handle when the provider has the job; empty when it certainly does not
     * @throws UnsupportedOperationException when the provider cannot search its jobs
     * @throws ProviderException if the provider cannot be reached
     */
    default Optional<ProviderJob> findSubmitted(Backend backend, Job job, String tag) {
        return findSubmitted(backend, job);
    }

    /**
     * The submission tag of job {@code jobId} of run {@code runId}: unique across runs (job ids may repeat
     * between runs of the same experiment) and the same when a resumed run recomputes it.
     */
    static String tag(String runId, String jobId) {
        return "qexec-" + runId + "-" + jobId;
    }

    /**
     * Whether submitting the same job twice with the same tag ({@link #submit(Backend, Job, String)}) creates one
     * job only, because the adapter sends the tag as an idempotency key. False by default.
     */
    default boolean idempotentSubmit() {
        return false;
    }

    /** Where this provider's work happens; remote by default. */
    default Site site() {
        return Site.REMOTE;
    }

    /** How long to wait between two status polls of a job. */
    default Duration pollInterval() {
        return Duration.ofSeconds(1);
    }

    /** Releases connections and threads; the default does nothing. */
    @Override
    default void close() {
    }
}
