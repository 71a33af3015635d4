package io.qexec.executor;

import io.qexec.dispatch.Dispatch;
import io.qexec.dispatch.Job;
import io.qexec.provider.Backend;
import io.qexec.provider.Provider;
import io.qexec.provider.ProviderException;
import io.qexec.provider.ProviderJob;
import io.qexec.provider.ProviderJobStatus;
import io.qexec.provider.ProviderResult;
import io.qexec.provider.Submission;
import io.qexec.result.JobError;
import io.qexec.result.JobState;
import io.qexec.result.JobTimings;
import io.qexec.store.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Takes one job from submission to a terminal state; every failure ends as a value in the collector. */
final class JobExecution implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(JobExecution.class);

    private final LiveCollector collector;
    private final int position;
    private final Provider provider;
    private final Backend backend;
    private final List<SubmissionStep> steps;
    private final JobStore store;
    private final Duration timeout;
    private volatile boolean submitting;

    JobExecution(LiveCollector collector, int position, Provider provider, Backend backend, List<SubmissionStep> steps,
                 JobStore store, Duration timeout) {
        this.collector = collector;
        this.position = position;
        this.provider = provider;
        this.backend = backend;
        this.steps = steps;
        this.store = store;
        this.timeout = timeout;
    }

    @Override
    public void run() {
        if (collector.isTerminal(position)) {
            return;
        }
        Thread worker = Thread.currentThread();
        Dispatch.Entry entry = collector.entry(position);
        try {
            Job job = entry.job();
            for (SubmissionStep step : steps) {
                try {
                    job = step.apply(backend, job);
                } catch (RuntimeException e) {
                    fail(JobError.of(JobError.Kind.INVALID_INPUT, "submission step failed: " + message(e)));
                    return;
                }
            }
            if (provider.site() == Provider.Site.LOCAL) {
                submitting = true;
                collector.setCancelHook(position, () -> {
                    if (submitting) {
                        worker.interrupt();
                    }
                });
            }
            if (provider.site() == Provider.Site.REMOTE && !recordSubmitting(entry)) {
                return;
            }
            Instant handedOver = Instant.now();
            Submission submission;
            try {
                submission = provider.submit(backend, job, Provider.tag(collector.runId(), entry.job().id()));
            } finally {
                submitting = false;
            }
            ProviderJob handle = submission.job();
            Instant accepted = Instant.now();
            collector.setCancelHook(position, () -> provider.cancel(handle));
            safely(() -> store.jobAccepted(collector.runId(), entry.job().id(), handle));
            if (collector.update(position, r -> r.withProviderJobId(handle.id()).withState(JobState.SUBMITTED)
                    .withTimings(r.timings().withSubmittedAt(handedOver))) == null) {
                return;
            }
            if (submission.immediateResult().isPresent()) {
                complete(submission.immediateResult().get());
                return;
            }
            poll(handle, accepted);
        } catch (ProviderException e) {
            fail(e.toError());
        } catch (RuntimeException e) {
            if (Thread.interrupted() && collector.isTerminal(position)) {
                return;
            }
            LOG.debug("job {} failed unexpectedly", entry.job().id(), e);
            fail(JobError.of(JobError.Kind.INTERNAL, e.getClass().getSimpleName() + ": " + message(e)));
        } finally {
            if (provider.site() == Provider.Site.LOCAL) {
                Thread.interrupted();
            }
        }
    }

    private void poll(ProviderJob handle, Instant accepted) {
        Instant deadline = timeout == null ? null : accepted.plus(timeout);
        long interval = Math.max(1, provider.pollInterval().toNanos());
        while (!collector.isTerminal(position)) {
            if (deadline != null && Instant.now().isAfter(deadline)) {
                try {
                    provider.cancel(handle);
                } catch (RuntimeException e) {
                    LOG.debug("cancelling timed-out job {} failed: {}", handle.id(), e.getMessage());
                }
                fail(JobError.of(JobError.Kind.TIMEOUT, "no result within " + timeout));
                return;
            }
            LockSupport.parkNanos(interval);
            if (collector.isTerminal(position)) {
                return;
            }
            ProviderJobStatus status = provider.status(handle);
            switch (status.state()) {
                case COMPLETED -> {
                    complete(provider.result(handle));
                    return;
                }
                case FAILED -> {
                    fail(status.error() != null ? status.error()
                            : JobError.of(JobError.Kind.EXECUTION_FAILED, "the provider reports the job failed"));
                    return;
                }
                case CANCELLED -> {
                    fail(status.error() != null && status.error().kind() == JobError.Kind.CANCELLED ? status.error()
                            : JobError.of(JobError.Kind.CANCELLED, "cancelled by the provider"));
                    return;
                }
                case RUNNING -> collector.update(position, r -> r.state() == JobState.RUNNING ? r
                        : r.withState(JobState.RUNNING).withTimings(r.timings().withStartedAt(Instant.now())));
                case QUEUED -> collector.update(position, r -> r.state() == JobState.QUEUED ? r : r.withState(JobState.QUEUED));
                default -> {
                }
            }
        }
    }

    private void complete(ProviderResult result) {
        Instant now = Instant.now();
        collector.update(position, r -> {
            JobTimings t = r.timings();
            JobTimings timings = new JobTimings(t.submitted(),
                    result.started() != null ? result.started() : t.started() != null ? t.started() : t.submitted(),
                    result.finished() != null ? result.finished() : now);
            return r.withTimings(timings).completed(result.counts(), result.memory(), result.metadata());
        });
    }

    private void fail(JobError error) {
        Instant now = Instant.now();
        collector.update(position, r -> r.withTimings(r.timings().withFinishedAt(now)).failed(error));
    }

    /** Write-ahead: a remote job is sent only once the store knows it may be at the provider. */
    private boolean recordSubmitting(Dispatch.Entry entry) {
        try {
            store.jobSubmitting(collector.runId(), entry.job().id());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("the job store failed to record the submission of job {} of run {}: {}", entry.job().id(),
                    collector.runId(), e.toString());
            fail(JobError.of(JobError.Kind.INTERNAL, "not submitted: the job store could not record the submission ("
                    + message(e) + ")"));
            return false;
        }
    }

    private void safely(Runnable storeCall) {
        try {
            storeCall.run();
        } catch (RuntimeException e) {
            LOG.warn("the job store failed to record a change of run {}: {}", collector.runId(), e.toString());
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
