package io.qexec.ionq;

import io.qexec.dispatch.Job;
import io.qexec.provider.Backend;
import io.qexec.provider.BackendStatus;
import io.qexec.provider.OptionSpec;
import io.qexec.provider.ProviderException;
import io.qexec.provider.ProviderJob;
import io.qexec.provider.ProviderResult;
import io.qexec.provider.Submission;
import io.qexec.remote.RemoteException;
import io.qexec.remote.RemoteProvider;
import io.qexec.remote.RegisterLayout;
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
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The IonQ provider over {@link IonQClient}. Jobs accept the options {@code noise_model} and {@code noise_seed}
 * on the simulator. The job handle's attributes keep what is needed to read the result later, from any process:
 * the submission tag, the measurement map and the classical registers (never the key).
 */
final class IonQProvider extends RemoteProvider<IonQBackend> {
    private final IonQClient client;

    IonQProvider(String name, IonQClient client) {
        super(name, "job");
        this.client = client;
    }

    @Override
    protected List<IonQBackend> devices() {
        return client.backends();
    }

    @Override
    protected IonQBackend device(String backendName) {
        return client.backend(backendName);
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
    protected Backend describe(IonQBackend b) {
        Backend.Builder builder = Backend.builder(name(), b.name())
                .status(switch (b.status().toLowerCase(Locale.ROOT)) {
                    case "available", "running" -> BackendStatus.ONLINE;
                    case "unavailable", "reserved", "calibrating", "degraded" -> BackendStatus.MAINTENANCE;
                    default -> BackendStatus.OFFLINE;
                })
                .numQubits(b.qubits())
                .simulator(b.isSimulator());
        if (b.isSimulator()) {
            builder.option("noise_model", OptionSpec.Type.STRING, "IonQ simulator noise model: " + String.join(", ", b.noiseModels()))
                    .option("noise_seed", OptionSpec.Type.INTEGER, "seed of the simulator's noise model");
        }
        return builder.build();
    }

    @Override
    public Submission submit(Backend backend, Job job) {
        return submit(backend, job, IonQClient.newTag());
    }

    /** Submits with {@code tag} in the job's metadata, where {@link #findSubmitted(Backend, Job, String)} looks. */
    @Override
    public Submission submit(Backend backend, Job job, String tag) {
        Prepared p = prepare(backend, job);
        RemoteSubmission s;
        try {
            s = client.submit(p.request(), tag);
        } catch (RemoteException e) {
            throw e.toProviderException();
        }
        return Submission.accepted(handle(backend, job, p.translation(), s.jobId(), tag,
                s.wasAmbiguous() ? s.events() : List.of()));
    }

    /** Finds a job submitted with {@code tag} by searching IonQ's job list for it. */
    @Override
    public Optional<ProviderJob> findSubmitted(Backend backend, Job job, String tag) {
        Prepared p = prepare(backend, job);
        try {
            return client.findByTag(tag).map(id -> handle(backend, job, p.translation(), id, tag, List.of()));
        } catch (RemoteException e) {
            throw e.toProviderException();
        }
    }

    private record Prepared(IonQJobRequest request, IonQGateSet.Translation translation) {
    }

    private static Prepared prepare(Backend backend, Job job) {
        try {
            Optional<String> noise = Optional.ofNullable(job.options().get("noise_model")).map(Object::toString);
            OptionalLong seed = job.options().get("noise_seed") instanceof Number n ? OptionalLong.of(n.longValue())
                    : OptionalLong.empty();
            return new Prepared(new IonQJobRequest(job.circuit(), backend.name(), job.shots(), noise, seed),
                    IonQGateSet.translate(job.circuit()));
        } catch (IllegalArgumentException e) {
            throw new ProviderException(JobError.Kind.INVALID_INPUT, e.getMessage(), "");
        }
    }

    private ProviderJob handle(Backend backend, Job job, IonQGateSet.Translation translation, String jobId, String tag,
            List<String> submissionEvents) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("tag", tag);
        attributes.put("qubits", Integer.toString(translation.qubits()));
        attributes.put("measured", Boolean.toString(translation.measured()));
        attributes.put("clbit_of_qubit", join(translation.clbitOfQubit()));
        attributes.put(RegisterLayout.ATTRIBUTE, new RegisterLayout(job.circuit().classicalRegisters()).encode());
        attributes.put("shots", Integer.toString(job.shots()));
        if (!submissionEvents.isEmpty()) {
            attributes.put("submission_events", String.join("; ", submissionEvents));
        }
        return new ProviderJob(name(), backend.name(), jobId, attributes);
    }

    @Override
    public ProviderResult result(ProviderJob job) {
        Map<String, String> a = job.attributes();
        try {
            IonQGateSet.Translation t = new IonQGateSet.Translation(null, Integer.parseInt(a.get("qubits")),
                    parseInts(a.get("clbit_of_qubit")), Boolean.parseBoolean(a.get("measured")));
            IonQResult r = TransientRetry.run(() -> client.result(job.id(), null, t,
                    RegisterLayout.decode(a.get(RegisterLayout.ATTRIBUTE)).registers(), Integer.parseInt(a.get("shots"))),
                    5, pollInterval());
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("provider_job_id", job.id());
            metadata.put("backend", job.backend());
            metadata.put("probabilities", new TreeMap<>(r.probabilities()));
            return new ProviderResult(r.counts(), List.of(), metadata, null, null);
        } catch (RemoteException e) {
            throw e.toProviderException();
        } catch (RuntimeException e) {
            throw new ProviderException(JobError.Kind.INTERNAL, "the handle of job " + job.id()
                    + " lacks what is needed to read its result: " + e.getMessage(), e);
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

    static String join(int[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append(values[i]);
        }
        return b.toString();
    }

    static int[] parseInts(String s) {
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
        return "IonQProvider[" + name() + ", " + client.settings() + "]";
    }
}
