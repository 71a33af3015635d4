package io.qexec.journal;

import io.qexec.dispatch.Dispatch;
import io.qexec.provider.Provider;
import io.qexec.result.JobError;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import io.qexec.result.JobTimings;
import io.qexec.provider.VirtualProvider;
import io.qexec.store.StoredRun;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels the unfinished jobs of a recorded run: jobs a remote provider accepted are cancelled there, and every
 * unfinished job is recorded as {@code CANCELLED}, so that no later resume sends or polls it. A qexec process on
 * this host that still drives the run (a detached worker) is asked to exit first.
 */
public final class RunCanceller {
    private static final Logger LOG = LoggerFactory.getLogger(RunCanceller.class);

    private final SqliteJobStore journal;
    private final VirtualProvider providers;

    private RunCanceller(SqliteJobStore journal, VirtualProvider providers) {
        this.journal = journal;
        this.providers = providers;
    }

    /** A canceller over a journal and the providers the run used. */
    public static RunCanceller of(SqliteJobStore journal, VirtualProvider providers) {
        return new RunCanceller(journal, providers);
    }

    /**
     * What cancelling did.
     *
     * @param cancelled jobs recorded as cancelled
     * @param atProvider of those, jobs whose provider accepted the cancellation
     * @param stoppedPid the process that drove the run and was asked to exit; 0 when none
     */
    public record Outcome(int cancelled, int atProvider, long stoppedPid) {
    }

    /**
     * Cancels the run's unfinished jobs.
     *
     * @throws RunBusyException if a process on another host drives the run, or the local one does not exit
     * @throws JournalException if there is no such run
     */
    public Outcome cancel(String runId) {
        long stopped = stopDriver(runId);
        journal.acquire(runId);
        try {
            StoredRun run = journal.run(runId).orElseThrow(() -> new JournalException("no run " + runId));
            int cancelled = 0;
            int atProvider = 0;
            for (Dispatch.Entry e : run.run().dispatch()) {
                StoredRun.StoredJob job = run.jobs().get(e.job().id());
                if (job != null && job.result() != null && job.result().isDone()) {
                    continue;
                }
                if (job != null && job.handle() != null && !journal.isRerunnable(e.provider())) {
                    Optional<Provider> p = providers.provider(e.provider());
                    try {
                        if (p.isPresent() && p.get().cancel(job.handle())) {
                            atProvider++;
                        }
                    } catch (RuntimeException ex) {
                        LOG.warn("cancelling job {} ({}) at {} failed: {}", e.job().id(), job.handle().id(), e.provider(),
                                ex.getMessage());
                    }
                }
                JobError error = JobError.of(JobError.Kind.CANCELLED, "cancelled with qexec cancel");
                Instant now = Instant.now();
                JobResult r = JobResult.pending(e.job().circuitIndex(), e.job().circuit().name(), e.job().id(),
                        e.provider(), e.backend(), e.job().shots())
                        .withProviderJobId(job != null && job.handle() != null ? job.handle().id() : "")
                        .withTimings(new JobTimings(null, null, now)).failed(error);
                journal.jobState(runId, e.job().id(), JobState.CANCELLED, now, error);
                journal.jobResult(runId, r);
                cancelled++;
            }
            return new Outcome(cancelled, atProvider, stopped);
        } finally {
            journal.release(runId);
        }
    }

    private long stopDriver(String runId) {
        Optional<RunLease> lease = journal.lease(runId);
        if (lease.isEmpty() || lease.get().pid() == ProcessHandle.current().pid() || !journal.isAlive(lease.get())) {
            return 0;
        }
        RunLease owner = lease.get();
        Optional<ProcessHandle> process = ProcessHandle.of(owner.pid());
        boolean javaProcess = process.flatMap(h -> h.info().command()).map(c -> c.contains("java")).orElse(false);
        if (!owner.host().equals(localHost()) || process.isEmpty() || !javaProcess) {
            throw new RunBusyException(runId, owner);
        }
        LOG.info("asking process {} that drives run {} to exit", owner.pid(), runId);
        process.get().destroy();
        try {
            process.get().onExit().get(Duration.ofSeconds(15).toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new RunBusyException(runId, owner);
        }
        return owner.pid();
    }

    private static String localHost() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
