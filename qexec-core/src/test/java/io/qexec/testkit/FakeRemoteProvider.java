package io.qexec.testkit;

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
import io.qexec.result.JobError;
import io.qexec.result.JobState;
import io.qexec.sim.SimulationOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A remote-style test provider: jobs are accepted, then report QUEUED, RUNNING and COMPLETED over three polls
 * (counts from the classical simulator). Backends: {@code qpu} (5 qubits, online), {@code busy} (jobs never
 * finish), {@code broken} (jobs fail), {@code down} (offline), {@code refuses} (submission throws).
 */
public class FakeRemoteProvider implements Provider {
    private final String name;
    private final ClassicalSimulator simulator = new ClassicalSimulator("remote");
    private final Map<String, Integer> polls = new ConcurrentHashMap<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    public final List<String> submitted = new CopyOnWriteArrayList<>();
    public final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    public volatile Consumer<Job> onSubmit = j -> { };

    public FakeRemoteProvider(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Backend> backends() {
        return List.of(backend("qpu", BackendStatus.ONLINE), backend("busy", BackendStatus.ONLINE),
                backend("broken", BackendStatus.ONLINE), backend("down", BackendStatus.OFFLINE),
                backend("refuses", BackendStatus.ONLINE));
    }

    private Backend backend(String b, BackendStatus status) {
        return Backend.builder(name, b).status(status).numQubits(5).nativeGates(Set.of("x", "cx"))
                .option("seed", OptionSpec.Type.INTEGER, "seed").option("shape", OptionSpec.Type.OBJECT, "free-form")
                .build();
    }

    @Override
    public Submission submit(Backend backend, Job job) {
        onSubmit.accept(job);
        if (backend.name().equals("refuses")) {
            throw new ProviderException(JobError.Kind.SUBMISSION_FAILED, "the provider refused the job", "HTTP 400");
        }
        String id = name + "-" + ids.incrementAndGet();
        jobs.put(id, job);
        polls.put(id, 0);
        submitted.add(job.id());
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        return Submission.accepted(ProviderJob.of(name, backend.name(), id));
    }

    @Override
    public ProviderJobStatus status(ProviderJob job) {
        int n = polls.merge(job.id(), 1, Integer::sum);
        if (job.backend().equals("busy")) {
            return ProviderJobStatus.of(JobState.RUNNING);
        }
        if (job.backend().equals("broken") && n >= 2) {
            running.decrementAndGet();
            return ProviderJobStatus.failed(new JobError(JobError.Kind.EXECUTION_FAILED, "calibration error", "E42"));
        }
        if (n >= 3) {
            running.decrementAndGet();
            return ProviderJobStatus.of(JobState.COMPLETED);
        }
        return ProviderJobStatus.of(n == 1 ? JobState.QUEUED : JobState.RUNNING);
    }

    @Override
    public ProviderResult result(ProviderJob job) {
        Job j = jobs.get(job.id());
        var r = simulator.run(j.circuit(), SimulationOptions.shots(j.shots()));
        return ProviderResult.ofCounts(r.counts());
    }

    @Override
    public boolean cancel(ProviderJob job) {
        cancelled.add(job.id());
        return true;
    }

    @Override
    public Duration pollInterval() {
        return Duration.ofMillis(1);
    }

    public int maxConcurrent() {
        return maxRunning.get();
    }
}
