package io.qexec.braket;

import io.qexec.dispatch.Job;
import io.qexec.provider.Backend;
import io.qexec.provider.BackendStatus;
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
 * The Amazon Braket provider over {@link BraketTasks}: backends are devices named by their ARN. The handle keeps
 * the measurement map and register layout, so results can be read from any process.
 */
final class BraketProvider implements Provider {
    private static final Logger LOG = LoggerFactory.getLogger(BraketProvider.class);

    private final String name;
    private final BraketTasks tasks;

    BraketProvider(String name, BraketTasks tasks) {
        this.name = name;
        this.tasks = tasks;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Backend> backends() {
        try {
            return tasks.devices().stream().map(this::descriptor).toList();
        } catch (RemoteException e) {
            throw e.toProviderException();
        }
    }

    @Override
    public Optional<Backend> backend(String backendName) {
        try {
            return Optional.of(descriptor(tasks.device(backendName)));
        } catch (RemoteException e) {
            if (e.kind() == RemoteFailureKind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e.toProviderException();
        }
    }

    private Backend descriptor(BraketDevice d) {
        Backend.Builder b = Backend.builder(name, d.arn())
                .status(d.status().toUpperCase(Locale.ROOT).equals("ONLINE") ? BackendStatus.ONLINE : BackendStatus.OFFLINE)
                .numQubits(d.qubits())
                .simulator(d.simulator());
        if (d.queueSize() >= 0) {
            b.queueDepth(d.queueSize());
        }
        return b.build();
    }

    @Override
    public Submission submit(Backend backend, Job job) {
        return create(backend, job, BraketTasks.newClientToken());
    }

    /**
     * Submits with an idempotency token derived from {@code tag}, so that submitting the same run's job again
     * (a resumed run whose first submission's outcome is unknown) returns the task already created.
     */
    @Override
    public Submission submit(Backend backend, Job job, String tag) {
        return create(backend, job, BraketTasks.clientTokenOf(tag));
    }

    /** Submissions tagged by the executor carry a token derived from the run and job: re-sending is safe. */
    @Override
    public boolean idempotentSubmit() {
        return true;
    }

    private Submission create(Backend backend, Job job, String clientToken) {
        RemoteSubmission s;
        try {
            s = tasks.submit(new BraketTaskRequest(job.circuit(), backend.name(), job.shots()), clientToken);
        } catch (IllegalArgumentException e) {
            throw new ProviderException(JobError.Kind.INVALID_INPUT, e.getMessage(), "");
        } catch (RemoteException e) {
            throw e.toProviderException();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("client_token", s.tag());
        attributes.put("clbit_of_qubit", join(BraketBitOrder.clbitOfQubit(job.circuit())));
        attributes.put(RegisterLayout.ATTRIBUTE, new RegisterLayout(job.circuit().classicalRegisters()).encode());
        attributes.put("region", tasks.settings().region());
        return Submission.accepted(new ProviderJob(name, backend.name(), s.jobId(), attributes));
    }

    @Override
    public ProviderJobStatus status(ProviderJob job) {
        RemoteStatus s;
        try {
            s = tasks.status(job.id());
        } catch (RemoteException e) {
            if (e.isTransient()) {
                LOG.debug("braket: status of {} unavailable ({}); polling on", job.id(), e.kind());
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
                    "task " + job.id() + " failed at braket" + s.detail().map(d -> ": " + d).orElse(""), s.detail().orElse("")));
            case CANCELLED -> new ProviderJobStatus(JobState.CANCELLED,
                    JobError.of(JobError.Kind.CANCELLED, "task " + job.id() + " was cancelled at braket"));
        };
    }

    @Override
    public ProviderResult result(ProviderJob job) {
        try {
            BraketResult r = TransientRetry.run(() -> tasks.result(job.id(), parseInts(job.attributes().get("clbit_of_qubit")),
                    RegisterLayout.decode(job.attributes().get(RegisterLayout.ATTRIBUTE)).registers()), 5, pollInterval());
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("provider_job_id", job.id());
            metadata.put("backend", job.backend());
            return new ProviderResult(r.counts(), List.of(), metadata, null, null);
        } catch (RemoteException e) {
            throw e.toProviderException();
        }
    }

    @Override
    public boolean cancel(ProviderJob job) {
        try {
            tasks.cancel(job.id());
            return true;
        } catch (RemoteException e) {
            LOG.debug("braket: cancel of {} failed: {}", job.id(), e.getMessage());
            return false;
        }
    }

    @Override
    public Duration pollInterval() {
        return tasks.settings().remote().poll().initialInterval();
    }

    @Override
    public void close() {
        tasks.close();
    }

    private static String join(int[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append(values[i]);
        }
        return b.toString();
    }

    private static int[] parseInts(String s) {
        if (s == null || s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i].strip());
        }
        return out;
    }

    @Override
    public String toString() {
        return "BraketProvider[" + name + ", " + tasks.settings() + "]";
    }
}
