package io.qexec.braket;

import io.qexec.dispatch.Job;
import io.qexec.provider.Backend;
import io.qexec.provider.BackendStatus;
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

/**
 * The Amazon Braket provider over {@link BraketTasks}: backends are devices named by their ARN. The handle keeps
 * the measurement map and register layout, so results can be read from any process.
 */
final class BraketProvider extends RemoteProvider<BraketDevice> {
    private final BraketTasks tasks;

    BraketProvider(String name, BraketTasks tasks) {
        super(name, "task");
        this.tasks = tasks;
    }

    @Override
    protected List<BraketDevice> devices() {
        return tasks.devices();
    }

    @Override
    protected BraketDevice device(String backendName) {
        return tasks.device(backendName);
    }

    @Override
    protected RemoteStatus remoteStatus(String jobId) {
        return tasks.status(jobId);
    }

    @Override
    protected void remoteCancel(String jobId) {
        tasks.cancel(jobId);
    }

    @Override
    protected Backend describe(BraketDevice d) {
        Backend.Builder b = Backend.builder(name(), d.arn())
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
        return Submission.accepted(new ProviderJob(name(), backend.name(), s.jobId(), attributes));
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
        return "BraketProvider[" + name() + ", " + tasks.settings() + "]";
    }
}
