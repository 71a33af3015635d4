package io.qexec.qbraid;

import io.qexec.dispatch.Job;
import io.qexec.provider.Backend;
import io.qexec.provider.BackendStatus;
import io.qexec.provider.OptionSpec;
import io.qexec.provider.Provider;
import io.qexec.provider.ProviderException;
import io.qexec.provider.ProviderJob;
import io.qexec.provider.ProviderJobStatus;
import io.qexec.provider.ProviderResult;
import io.qexec.provider.Submission;
import io.qexec.remote.RegisterLayout;
import io.qexec.remote.RemoteException;
import io.qexec.remote.RemoteFailureKind;
import io.qexec.remote.RemoteStatus;
import io.qexec.remote.RemoteSubmission;
import io.qexec.remote.TransientRetry;
import io.qexec.result.JobError;
import io.qexec.result.JobState;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The qBraid provider over {@link QBraidClient}: backends are qBraid devices named by their QRN; jobs accept the
 * option {@code noise_model}. The handle's attributes keep the tag and the classical register layout.
 */
final class QBraidProvider implements Provider {
    private static final Logger LOG = LoggerFactory.getLogger(QBraidProvider.class);

    private final String name;
    private final QBraidClient client;

    QBraidProvider(String name, QBraidClient client) {
        this.name = name;
        this.client = client;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Backend> backends() {
        try {
            return client.devices().stream().map(this::descriptor).toList();
        } catch (RemoteException e) {
            throw e.toProviderException();
        }
    }

    @Override
    public Optional<Backend> backend(String backendName) {
        try {
            return Optional.of(descriptor(client.device(backendName)));
        } catch (RemoteException e) {
            if (e.kind() == RemoteFailureKind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e.toProviderException();
        }
    }

    private Backend descriptor(QBraidDevice d) {
        Backend.Builder b = Backend.builder(name, d.qrn())
                .status(switch (d.status().toUpperCase(Locale.ROOT)) {
                    case "ONLINE" -> BackendStatus.ONLINE;
                    case "UNAVAILABLE" -> BackendStatus.MAINTENANCE;
                    default -> BackendStatus.OFFLINE;
                })
                .numQubits(d.qubits())
                .simulator(d.simulator());
        if (d.queueDepth() >= 0) {
            b.queueDepth(d.queueDepth());
        }
        if (!d.noiseModels().isEmpty()) {
            b.option("noise_model", OptionSpec.Type.STRING, "qBraid runtime noise model: " + String.join(", ", d.noiseModels()));
        }
        return b.build();
    }

    @Override
    public Submission submit(Backend backend, Job job) {
        return submit(backend, job, QBraidClient.newTag());
    }

    /** Submits with {@code tag} in the job's tags, where {@link #findSubmitted(Backend, Job, String)} looks. */
    @Override
    public Submission submit(Backend backend, Job job, String tag) {
        QBraidJobRequest request = request(backend, job);
        RemoteSubmission s;
        try {
            s = client.submit(request, tag);
        } catch (IllegalArgumentException e) {
            throw new ProviderException(JobError.Kind.INVALID_INPUT, e.getMessage(), "");
        } catch (RemoteException e) {
            throw e.toProviderException();
        }
        return Submission.accepted(handle(backend, job, s.jobId(), tag, s.wasAmbiguous() ? s.events() : List.of()));
    }

    /** Finds a job submitted with {@code tag} through qBraid's job list filtered by tag. */
    @Override
    public Optional<ProviderJob> findSubmitted(Backend backend, Job job, String tag) {
        try {
            return client.findByTag(tag).map(id -> handle(backend, job, id, tag, List.of()));
        } catch (RemoteException e) {
            throw e.toProviderException();
        }
    }

    private static QBraidJobRequest request(Backend backend, Job job) {
        try {
            return new QBraidJobRequest(job.circuit(), backend.name(), job.shots(),
                    Optional.ofNullable(job.options().get("noise_model")).map(Object::toString));
        } catch (IllegalArgumentException e) {
            throw new ProviderException(JobError.Kind.INVALID_INPUT, e.getMessage(), "");
        }
    }

    private ProviderJob handle(Backend backend, Job job, String jobId, String tag, List<String> submissionEvents) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("tag", tag);
        attributes.put(RegisterLayout.ATTRIBUTE, new RegisterLayout(job.circuit().classicalRegisters()).encode());
        if (!submissionEvents.isEmpty()) {
            attributes.put("submission_events", String.join("; ", submissionEvents));
        }
        return new ProviderJob(name, backend.name(), jobId, attributes);
    }

    @Override
    public ProviderJobStatus status(ProviderJob job) {
        RemoteStatus s;
        try {
            s = client.status(job.id());
        } catch (RemoteException e) {
            if (e.isTransient()) {
                LOG.debug("qbraid: status of {} unavailable ({}); polling on", job.id(), e.kind());
                return ProviderJobStatus.of(JobState.SUBMITTED);
            }
            throw e.toProviderException();
        }
        return switch (s.state()) {
            case SUBMITTED, UNKNOWN -> ProviderJobStatus.of(JobState.SUBMITTED);
            case QUEUED -> ProviderJobStatus.of(JobState.QUEUED);
            case RUNNING, CANCELLING -> ProviderJobStatus.of(JobState.RUNNING);
            case COMPLETED -> ProviderJobStatus.of(JobState.COMPLETED);
            case FAILED -> ProviderJobStatus.failed(new JobError(JobError.Kind.EXECUTION_FAILED,
                    "job " + job.id() + " failed at qbraid" + s.detail().map(d -> ": " + d).orElse(""), s.detail().orElse("")));
            case CANCELLED -> new ProviderJobStatus(JobState.CANCELLED,
                    JobError.of(JobError.Kind.CANCELLED, "job " + job.id() + " was cancelled at qbraid"));
        };
    }

    @Override
    public ProviderResult result(ProviderJob job) {
        try {
            QBraidResult r = TransientRetry.run(() -> client.result(job.id(),
                    RegisterLayout.decode(job.attributes().get(RegisterLayout.ATTRIBUTE)).registers()), 5, pollInterval());
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("provider_job_id", job.id());
            metadata.put("backend", job.backend());
            if (!Double.isNaN(r.cost())) {
                metadata.put("cost_credits", r.cost());
            }
            return new ProviderResult(r.counts(), List.of(), metadata, null, null);
        } catch (RemoteException e) {
            throw e.toProviderException();
        }
    }

    @Override
    public boolean cancel(ProviderJob job) {
        try {
            client.cancel(job.id());
            return true;
        } catch (RemoteException e) {
            LOG.debug("qbraid: cancel of {} failed: {}", job.id(), e.getMessage());
            return false;
        }
    }

    @Override
    public Duration pollInterval() {
        return client.settings().poll().initialInterval();
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "QBraidProvider[" + name + ", " + client.settings() + "]";
    }
}
