package io.qexec.journal;

import io.qexec.dispatch.Dispatch;
import io.qexec.provider.ProviderJob;
import io.qexec.result.JobError;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import io.qexec.result.MergedResult;
import io.qexec.store.JobStore;
import io.qexec.store.RunRecord;
import io.qexec.store.StoredRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A journal view that records a run and stops it before anything is submitted, for runs another process
 * carries out ({@code qexec run --detach}, then {@code qexec resume RUN} in the background). The executor
 * validates the dispatch as usual; once the run and its intents are on disk, {@link #runStarted} throws
 * {@link RunRecordedException} carrying the run id, which the caller catches.
 */
public final class RecordOnlyJobStore implements JobStore {
    private final SqliteJobStore journal;

    /** A view over this journal. */
    public RecordOnlyJobStore(SqliteJobStore journal) {
        this.journal = journal;
    }

    /** Thrown by {@link #runStarted} once the run is recorded: nothing was submitted. */
    public static final class RunRecordedException extends RuntimeException {
        private final String runId;

        RunRecordedException(String runId) {
            super("run " + runId + " recorded; not started here", null, false, false);
            this.runId = runId;
        }

        /** The recorded run's id. */
        public String runId() {
            return runId;
        }
    }

    @Override
    public String newRunId() {
        return journal.newRunId();
    }

    @Override
    public void runStarted(RunRecord run) {
        journal.runStarted(run);
        journal.release(run.runId());
        throw new RunRecordedException(run.runId());
    }

    @Override
    public void jobIntent(String runId, Dispatch.Entry entry) {
        throw new IllegalStateException("a record-only journal runs nothing");
    }

    @Override
    public void jobAccepted(String runId, String jobId, ProviderJob handle) {
        throw new IllegalStateException("a record-only journal runs nothing");
    }

    @Override
    public void jobState(String runId, String jobId, JobState state, Instant at, JobError error) {
        throw new IllegalStateException("a record-only journal runs nothing");
    }

    @Override
    public void jobResult(String runId, JobResult result) {
        throw new IllegalStateException("a record-only journal runs nothing");
    }

    @Override
    public void merged(String runId, MergedResult merged) {
        throw new IllegalStateException("a record-only journal runs nothing");
    }

    @Override
    public List<RunRecord> runs() {
        return journal.runs();
    }

    @Override
    public Optional<StoredRun> run(String runId) {
        return journal.run(runId);
    }
}
