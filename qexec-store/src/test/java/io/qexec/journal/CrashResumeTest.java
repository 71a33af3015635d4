package io.qexec.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.qexec.dispatch.Dispatch;
import io.qexec.policy.PolicyRegistry;
import io.qexec.provider.VirtualProvider;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import io.qexec.result.ResultCollector;
import io.qexec.store.StoredRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Kills a child JVM that drives a run (as {@code kill -9} does) at several points, then resumes the run in
 * another process: every remote job reaches the provider exactly once (its submission log proves it), every
 * result is present and equal to what an uninterrupted run gives, the merge is recorded, and local jobs whose
 * result was recorded are not run again.
 */
class CrashResumeTest {
    private static final int REMOTE = 6;
    private static final int LOCAL = 4;

    @TempDir
    Path dir;

    enum Point { AFTER_INTENTS, AFTER_SOME_PROVIDER_IDS, WHILE_RESULTS_ARRIVE }

    @ParameterizedTest
    @ValueSource(strings = {"AFTER_INTENTS", "AFTER_SOME_PROVIDER_IDS", "WHILE_RESULTS_ARRIVE"})
    void aRunKilledAtAnyPointResumesWithEveryJobDoneExactlyOnce(String pointName) throws Exception {
        Point point = Point.valueOf(pointName);
        Path db = dir.resolve("runs.db");
        Path folder = dir.resolve("emulator");
        long submitDelay = point == Point.AFTER_INTENTS ? 3000 : 50;
        try (ChildProcesses children = new ChildProcesses(dir)) {
            Process child = children.start("run", db.toString(), folder.toString(), "" + REMOTE, "" + LOCAL, "" + submitDelay);
            assertThat(ChildProcesses.until(child, Duration.ofSeconds(30), () -> Files.exists(db))).as(() -> children.describe(1))
                    .isTrue();
            String runId;
            try (SqliteJobStore journal = SqliteJobStore.open(db)) {
                Predicate<StoredRun> reached = switch (point) {
                    case AFTER_INTENTS -> r -> FolderProvider.log(folder, "submissions.log").size() >= 1;
                    case AFTER_SOME_PROVIDER_IDS -> r -> r.jobs().values().stream().anyMatch(j -> j.handle() != null
                            && j.provider().equals("emu"));
                    case WHILE_RESULTS_ARRIVE -> r -> r.jobs().values().stream()
                            .filter(j -> j.result() != null && j.provider().equals("emu")).count() >= 2;
                };
                assertThat(ChildProcesses.until(child, Duration.ofSeconds(30), () -> journal.runs().size() == 1
                        && reached.test(journal.run(journal.runs().get(0).runId()).orElseThrow()))).as(() -> children.describe(1))
                        .isTrue();
                ChildProcesses.kill(child);
                runId = journal.runs().get(0).runId();
                StoredRun atKill = journal.run(runId).orElseThrow();
                assertThat(atKill.merged()).as("the run was really interrupted").isNull();
                Map<String, Boolean> recordedBefore = atKill.jobs().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().result() != null));
                assertThat(journal.summary(runId).orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);

                try (VirtualProvider providers = VirtualProvider.of(FolderProvider.remote(folder, 0, true),
                        FolderProvider.local(folder))) {
                    ResultCollector resumed = RunResumer.of(journal, providers, PolicyRegistry.withBuiltIns())
                            .resume(runId, ResumeOptions.defaults());
                    assertThat(resumed.isComplete()).isTrue();
                    assertThat(resumed.runId()).isEqualTo(runId);
                }
                StoredRun done = journal.run(runId).orElseThrow();
                assertEveryResultEqualsAnUninterruptedRun(done);
                assertThat(done.merged()).isNotNull();
                assertThat(done.merged().isSuccess()).isTrue();
                assertThat(journal.summary(runId).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
                assertThat(journal.lease(runId)).isEmpty();

                List<String> submissions = FolderProvider.log(folder, "submissions.log");
                assertThat(submissions).as("each remote job reached the provider exactly once").hasSize(REMOTE)
                        .doesNotHaveDuplicates();
                List<String> executions = FolderProvider.log(folder, "executions.log");
                recordedBefore.forEach((id, recorded) -> {
                    if (recorded && id.startsWith("l")) {
                        assertThat(executions.stream().filter(id::equals).count()).as("local job " + id + " re-run").isEqualTo(1);
                    }
                    if (recorded && id.startsWith("r")) {
                        assertThat(FolderProvider.log(folder, "fetches.log").stream().filter(id::equals).count())
                                .as("result of " + id + " fetched again").isEqualTo(1);
                    }
                });
            }
        }
    }

    @Test
    void aSecondProcessCannotResumeARunThatIsBeingResumed() throws Exception {
        Path db = dir.resolve("runs.db");
        Path folder = dir.resolve("emulator");
        Dispatch d = Experiments.mixed(2, 120_000, 0, 0, 0);
        String runId;
        try (SqliteJobStore journal = SqliteJobStore.open(db);
             VirtualProvider providers = VirtualProvider.of(FolderProvider.remote(folder, 0, true), FolderProvider.local(folder));
             ChildProcesses children = new ChildProcesses(dir)) {
            runId = journal.newRunId();
            journal.runStarted(new io.qexec.store.RunRecord(runId, java.time.Instant.now(), d, "", Map.of()));
            journal.release(runId);
            ResultCollector mine = RunResumer.of(journal, providers, PolicyRegistry.withBuiltIns())
                    .resume(runId, ResumeOptions.defaults().blocking(false));
            Process other = children.start("resume", db.toString(), folder.toString(), runId);
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(other.exitValue()).isEqualTo(3);
            assertThat(children.stderr(1)).contains("run " + runId + " is already being driven by process "
                    + ProcessHandle.current().pid());
            assertThat(mine.isComplete()).as("the jobs run for two minutes: the other process came while they ran")
                    .isFalse();
            assertThat(FolderProvider.log(folder, "submissions.log")).as("the refused process sent nothing")
                    .containsExactlyInAnyOrder("r0", "r1");
            mine.cancelAll();
            assertThat(mine.await(Duration.ofSeconds(30))).isTrue();
        }
    }

    static void assertEveryResultEqualsAnUninterruptedRun(StoredRun run) {
        for (var e : run.run().dispatch()) {
            JobResult r = run.jobs().get(e.job().id()).result();
            assertThat(r).as("result of " + e.job().id()).isNotNull();
            assertThat(r.state()).isEqualTo(JobState.COMPLETED);
            assertThat(r.counts()).as("counts of " + e.job().id()).isEqualTo(FolderProvider.counts(e.job()).counts());
        }
    }
}
