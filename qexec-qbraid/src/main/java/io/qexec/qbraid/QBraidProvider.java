package io.qexec.qbraid;

import io.qexec.dispatch.Job;
import io.qexec.provider.Backend;
import io.qexec.provider.BackendStatus;
import io.qexec.provider.OptionSpec;
import io.qexec.provider.ProviderException;
import io.qexec.provider.ProviderJob;
import io.qexec.provider.ProviderResult;
import io.qexec.provider.Submission;
import io.qexec.remote.RegisterLayout;
import io.qexec.remote.RemoteException;
import io.qexec.remote.RemoteProvider;
import io.qexec.remote.RemoteStatus;
import io.qexec.remote.RemoteSubmission;
import io.qexec.remote.TransientRetry;
import io.qexec.result.JobError;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The qBraid provider over {@link QBraidClient}: backends are qBraid devices named by their QRN; jobs accept the
 * option {@code noise_model}. The handle's attributes keep the tag and the classical register layout.
 */
final class QBraidProvider extends RemoteProvider<QBraidDevice> {
    private final QBraidClient client;

    QBraidProvider(String name, QBraidClient client) {
        super(name, "job");
        this.client = client;
    }

    @Override
    protected List<QBraidDevice> devices() {
        return client.devices();
    }

    @Override
    protected QBraidDevice device(String backendName) {
        return client.device(backendName);
    }

    @Override
    protected RemoteStatus remoteStatus(String jobId) {
        return client.status(jobId);
    }

    @Override
    protected void remoteCancel(String jobId) {
        client.cancel(jobId);
    }

    @Override
    protected Backend describe(QBraidDevice d) {
        Backend.Builder b = Backend.builder(name(), d.qrn())
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
        return new ProviderJob(name(), backend.name(), jobId, attributes);
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
    public Duration pollInterval() {
        return client.settings().poll().initialInterval();
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "QBraidProvider[" + name() + ", " + client.settings() + "]";
    }
}
