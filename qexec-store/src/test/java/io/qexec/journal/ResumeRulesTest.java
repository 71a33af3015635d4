package io.qexec.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qexec.dispatch.Dispatch;
import io.qexec.policy.PolicyRegistry;
import io.qexec.provider.ProviderJob;
import io.qexec.provider.VirtualProvider;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import io.qexec.result.JobTimings;
import io.qexec.result.ResultCollector;
import io.qexec.store.RunRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resume rules on journals left in a known state by a process that "died" (stopped writing). */
class ResumeRulesTest {
    @TempDir
    Path dir;

    Path db;
    Path folder;
    String runId;
    final Dispatch dispatch = Experiments.mixed(4, 0, 0, 2, 0);

    @BeforeEach
    void recordARunThatDied() {
        db = dir.resolve("runs.db");
        folder = dir.resolve("emu");
        FolderProvider emu = FolderProvider.remote(folder, 0, false);
        try (SqliteJobStore journal = SqliteJobStore.open(db)) {
            runId = journal.newRunId();
            journal.runStarted(new RunRecord(runId, Instant.now(), dispatch, "aggregate", Map.of()));
            // r0: completed and recorded
            var r0 = dispatch.entries().get(0);
            ProviderJob h0 = emu.submit(emu.backends().get(0), r0.job()).job();
            journal.jobSubmitting(runId, "r0");
            journal.jobAccepted(runId, "r0", h0);
            var counts = FolderProvider.counts(r0.job());
            journal.jobResult(runId, new JobResult(0, "bell", "r0", "emu", "qpu", r0.job().shots(), JobState.COMPLETED,
                    new TreeMap<>(counts.counts()), List.of(), null, h0.id(), JobTimings.NONE, Map.of()));
            // r1: accepted, no result yet
            ProviderJob h1 = emu.submit(emu.backends().get(0), dispatch.entries().get(1).job()).job();
            journal.jobSubmitting(runId, "r1");
            journal.jobAccepted(runId, "r1", h1);
            // r2: never sent; r3: being sent when the process died (it reached the provider)
            emu.submit(emu.backends().get(0), dispatch.entries().get(3).job());
            journal.jobSubmitting(runId, "r3");
            // l0 recorded as done, l1 not
            journal.jobResult(runId, new JobResult(0, "bell", "l0", "local", "qpu", 50, JobState.COMPLETED,
                    new TreeMap<>(Map.of("00", 50L)), List.of(), null, "L-l0", JobTimings.NONE, Map.of()));
        }
    }

    private ResultCollector resume(FolderProvider emu, ResumeOptions options) {
        try (SqliteJobStore journal = SqliteJobStore.open(db);
             VirtualProvider providers = VirtualProvider.of(emu, FolderProvider.local(folder))) {
            return RunResumer.of(journal, providers, PolicyRegistry.withBuiltIns()).resume(runId, options);
        }
    }

    @Test
    void aJobOfUnknownOutcomeAtAProviderThatCannotSearchStopsTheResumeBeforeAnythingIsSent() {
        FolderProvider emu = FolderProvider.remote(folder, 0, false);
        assertThatThrownBy(() -> resume(emu, ResumeOptions.defaults())).isInstanceOf(JournalException.class)
                .hasMessageContaining("r3 (emu/qpu)").hasMessageContaining("--resubmit-unknown")
                .hasMessageContaining("nothing was submitted");
        assertThat(FolderProvider.log(folder, "submissions.log")).containsExactly("r0", "r1", "r3");
        assertThat(FolderProvider.log(folder, "executions.log")).isEmpty();
        try (SqliteJobStore journal = SqliteJobStore.open(db)) {
            assertThat(journal.lease(runId)).as("the refused resume gave the run back").isEmpty();
        }
    }

    @Test
    void withResubmitUnknownTheJobIsSentAgainAndEverythingElseFollowsTheRules() {
        ResultCollector c = resume(FolderProvider.remote(folder, 0, false), ResumeOptions.defaults().resubmitUnknown(true));
        assertThat(c.jobs()).allMatch(JobResult::isSuccess);
        assertThat(c.merged()).isPresent();
        List<String> submissions = FolderProvider.log(folder, "submissions.log");
        assertThat(submissions.subList(0, 3)).as("the crashed run had sent r0, r1 and r3").containsExactly("r0", "r1", "r3");
        assertThat(submissions.subList(3, submissions.size())).as("r0, r1 not re-sent; r2 sent; r3 re-sent on request "
                + "(in either order: resume submits in parallel)").containsExactlyInAnyOrder("r2", "r3");
        assertThat(FolderProvider.log(folder, "fetches.log")).as("the recorded r0 is not fetched again")
                .doesNotContain("r0").contains("r1", "r2", "r3");
        assertThat(FolderProvider.log(folder, "executions.log")).as("only the unfinished local job runs").containsExactly("l1");
        for (JobResult r : c.jobs()) {
            if (r.jobId().startsWith("r")) {
                var job = dispatch.entries().stream().filter(e -> e.job().id().equals(r.jobId())).findFirst().orElseThrow();
                assertThat(r.counts()).isEqualTo(FolderProvider.counts(job.job()).counts());
            }
        }
    }

    @Test
    void aProviderThatCanSearchFindsTheJobOfUnknownOutcomeSoNothingIsSentTwice() {
        ResultCollector c = resume(FolderProvider.remote(folder, 0, true), ResumeOptions.defaults());
        assertThat(c.jobs()).allMatch(JobResult::isSuccess);
        assertThat(FolderProvider.log(folder, "submissions.log")).containsExactly("r0", "r1", "r3", "r2");
        try (SqliteJobStore journal = SqliteJobStore.open(db)) {
            var run = journal.run(runId).orElseThrow();
            assertThat(run.jobs().get("r3").handle().id()).isEqualTo("E-r3");
            assertThat(run.merged()).isNotNull();
            assertThat(journal.summary(runId).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
        }
    }

    @Test
    void resumingAFinishedRunSendsAndFetchesNothing() {
        resume(FolderProvider.remote(folder, 0, true), ResumeOptions.defaults());
        List<String> submissions = FolderProvider.log(folder, "submissions.log");
        List<String> fetches = FolderProvider.log(folder, "fetches.log");
        ResultCollector again = resume(FolderProvider.remote(folder, 0, true), ResumeOptions.defaults());
        assertThat(again.jobs()).allMatch(JobResult::isSuccess);
        assertThat(FolderProvider.log(folder, "submissions.log")).isEqualTo(submissions);
        assertThat(FolderProvider.log(folder, "fetches.log")).isEqualTo(fetches);
    }
}
