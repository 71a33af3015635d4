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
 * The journal as the executor sees it while resuming one run: the run keeps its id, the run and its intents
 * are already recorded, and nothing is written again for jobs that were final before the resume (nor a
 * second merge).
 */
final class ResumeJobStore implements JobStore {
    private final SqliteJobStore journal;
    private final ResumePlan plan;
    private final boolean mergedBefore;

    ResumeJobStore(SqliteJobStore journal, ResumePlan plan, boolean mergedBefore) {
        this.journal = journal;
        this.plan = plan;
        this.mergedBefore = mergedBefore;
    }

    private boolean untouched(String jobId) {
        ResumePlan.Step s = plan.steps().get(jobId);
        return s != null && s.action() == JobAction.KEEP;
    }

    @Override
    public String newRunId() {
        return plan.runId();
    }

    @Override
    public void runStarted(RunRecord run) {
    }

    @Override
    public void jobIntent(String runId, Dispatch.Entry entry) {
    }

    @Override
    public void jobSubmitting(String runId, String jobId) {
        ResumePlan.Step s = plan.steps().get(jobId);
        if (s != null && (s.action() == JobAction.KEEP || s.action() == JobAction.REATTACH)) {
            return;
        }
        journal.jobSubmitting(runId, jobId);
    }

    @Override
    public void jobAccepted(String runId, String jobId, ProviderJob handle) {
        ResumePlan.Step s = plan.steps().get(jobId);
        if (untouched(jobId) || (s != null && handle.equals(s.handle()))) {
            return;
        }
        journal.jobAccepted(runId, jobId, handle);
    }

    @Override
    public void jobState(String runId, String jobId, JobState state, Instant at, JobError error) {
        if (!untouched(jobId)) {
            journal.jobState(runId, jobId, state, at, error);
        }
    }

    @Override
    public void jobResult(String runId, JobResult result) {
        if (!untouched(result.jobId())) {
            journal.jobResult(runId, result);
        }
    }

    @Override
    public void merged(String runId, MergedResult merged) {
        if (mergedBefore) {
            journal.release(runId);
            return;
        }
        journal.merged(runId, merged);
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
