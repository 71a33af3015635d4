package io.qexec.remote;

import io.qexec.provider.Backend;
import io.qexec.provider.Provider;
import io.qexec.provider.ProviderJob;
import io.qexec.provider.ProviderJobStatus;
import io.qexec.result.JobError;
import io.qexec.result.JobState;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the cloud adapters share on top of a REST client: backends from the provider's device list, statuses mapped
 * to the engine's states, and remote failures turned into {@link io.qexec.provider.ProviderException}s. A
 * transient failure while polling is not a job failure (the job is not lost: polling goes on until the executor's
 * own timeout), and a refused cancellation is {@code false}, not an error.
 *
 * @param <D> the provider's device description
 */
public abstract class RemoteProvider<D> implements Provider {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteProvider.class);

    private final String name;
    private final String jobWord;

    /**
     * @param name the provider's name in the configuration
     * @param jobWord what the provider calls a job in messages ({@code job}, {@code task})
     */
    protected RemoteProvider(String name, String jobWord) {
        this.name = name;
        this.jobWord = jobWord;
    }

    /** The provider's devices. */
    protected abstract List<D> devices();

    /** One device; a {@link RemoteFailureKind#NOT_FOUND} failure when there is none. */
    protected abstract D device(String backendName);

    /** The engine's description of a device. */
    protected abstract Backend describe(D device);

    /** A job's status at the provider. */
    protected abstract RemoteStatus remoteStatus(String jobId);

    /** Asks the provider to cancel a job. */
    protected abstract void remoteCancel(String jobId);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<Backend> backends() {
        try {
            return devices().stream().map(this::describe).toList();
        } catch (RemoteException e) {
            throw e.toProviderException();
        }
    }

    @Override
    public final Optional<Backend> backend(String backendName) {
        try {
            return Optional.of(describe(device(backendName)));
        } catch (RemoteException e) {
            if (e.kind() == RemoteFailureKind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e.toProviderException();
        }
    }

    @Override
    public final ProviderJobStatus status(ProviderJob job) {
        RemoteStatus s;
        try {
            s = remoteStatus(job.id());
        } catch (RemoteException e) {
            if (e.isTransient()) {
                LOG.debug("{}: status of {} unavailable ({}); polling on", name, job.id(), e.kind());
                return ProviderJobStatus.of(JobState.SUBMITTED);
            }
            throw e.toProviderException();
        }
        return toStatus(s, job.id());
    }

    /** The engine's view of a provider status of job {@code id}. */
    public final ProviderJobStatus toStatus(RemoteStatus s, String id) {
        return switch (s.state()) {
            case SUBMITTED, UNKNOWN -> ProviderJobStatus.of(JobState.SUBMITTED);
            case QUEUED -> ProviderJobStatus.of(JobState.QUEUED);
            case RUNNING, CANCELLING -> ProviderJobStatus.of(JobState.RUNNING);
            case COMPLETED -> ProviderJobStatus.of(JobState.COMPLETED);
            case FAILED -> ProviderJobStatus.failed(new JobError(JobError.Kind.EXECUTION_FAILED,
                    jobWord + " " + id + " failed at " + name + s.detail().map(d -> ": " + d).orElse(""),
                    s.detail().orElse("")));
            case CANCELLED -> new ProviderJobStatus(JobState.CANCELLED,
                    JobError.of(JobError.Kind.CANCELLED, jobWord + " " + id + " was cancelled at " + name));
        };
    }

    @Override
    public final boolean cancel(ProviderJob job) {
        try {
            remoteCancel(job.id());
            return true;
        } catch (RemoteException e) {
            LOG.debug("{}: cancel of {} failed: {}", name, job.id(), e.getMessage());
            return false;
        }
    }
}
