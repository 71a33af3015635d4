package io.qexec.store;

import io.qexec.dispatch.Dispatch;
import io.qexec.provider.ProviderJob;
import io.qexec.result.JobError;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import io.qexec.result.MergedResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link JobStore} in memory: records are lost when the process ends. Thread-safe. */
public final class InMemoryJobStore implements JobStore {
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();

    private static final class Run {
        final RunRecord record;
        final Map<String, Job> jobs = new LinkedHashMap<>();
        MergedResult merged;

        Run(RunRecord record) {
            this.record = record;
        }
    }

    private static final class Job {
        final String provider;
        final String backend;
        ProviderJob handle;
        final List<StoredRun.Transition> transitions = new ArrayList<>(4);
        JobResult result;

        Job(String provider, String backend) {
            this.provider = provider;
            this.backend = backend;
        }
    }

    @Override
    public void runStarted(RunRecord run) {
        runs.put(run.runId(), new Run(run));
        synchronized (order) {
            order.add(run.runId());
        }
    }

    @Override
    public void jobIntent(String runId, Dispatch.Entry entry) {
        Run run = run0(runId);
        synchronized (run) {
            run.jobs.put(entry.job().id(), new Job(entry.provider(), entry.backend()));
        }
    }

    @Override
    public void jobAccepted(String runId, String jobId, ProviderJob handle) {
        Run run = run0(runId);
        synchronized (run) {
            job(run, jobId).handle = handle;
        }
    }

    @Override
    public void jobState(String runId, String jobId, JobState state, Instant at, JobError error) {
        Run run = run0(runId);
        synchronized (run) {
            job(run, jobId).transitions.add(new StoredRun.Transition(state, at, error));
        }
    }

    @Override
    public void jobResult(String runId, JobResult result) {
        Run run = run0(runId);
        synchronized (run) {
            job(run, result.jobId()).result = result;
        }
    }

    @Override
    public void merged(String runId, MergedResult merged) {
        Run run = run0(runId);
        synchronized (run) {
            run.merged = merged;
        }
    }

    @Override
    public List<RunRecord> runs() {
        synchronized (order) {
            return order.stream().map(id -> runs.get(id).record).toList();
        }
    }

    @Override
    public Optional<StoredRun> run(String runId) {
        Run run = runs.get(runId);
        if (run == null) {
            return Optional.empty();
        }
        synchronized (run) {
            Map<String, StoredRun.StoredJob> jobs = new LinkedHashMap<>();
            run.jobs.forEach((id, j) -> jobs.put(id, new StoredRun.StoredJob(j.provider, j.backend, j.handle,
                    List.copyOf(j.transitions), j.result)));
            return Optional.of(new StoredRun(run.record, java.util.Collections.unmodifiableMap(jobs), run.merged));
        }
    }

    private Run run0(String runId) {
        Run run = runs.get(runId);
        if (run == null) {
            throw new IllegalArgumentException("unknown run " + runId);
        }
        return run;
    }

    private static Job job(Run run, String jobId) {
        Job job = run.jobs.get(jobId);
        if (job == null) {
            throw new IllegalArgumentException("unknown job " + jobId + " in run " + run.record.runId());
        }
        return job;
    }
}
