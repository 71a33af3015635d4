package io.qexec.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qexec.dispatch.Dispatch;
import io.qexec.provider.ProviderJob;
import io.qexec.result.JobError;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import io.qexec.result.JobTimings;
import io.qexec.result.MergedResult;
import io.qexec.store.RunRecord;
import io.qexec.store.StoredRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteJobStoreTest {
    @TempDir
    Path dir;

    private final Dispatch dispatch = Experiments.mixed(2, 0, 0, 1, 0);

    private static RunRecord record(String id, Dispatch d) {
        return new RunRecord(id, Instant.parse("2026-11-23T10:00:00Z"), d, "aggregate", Map.of("k", 1),
                Map.of("parallel", true, "jobTimeout", "PT1M"));
    }

    private static JobResult completed(String jobId, String provider) {
        return new JobResult(0, "bell", jobId, provider, "qpu", 100, JobState.COMPLETED,
                new TreeMap<>(Map.of("00", 40L, "11", 60L)), List.of("00", "11"), null, "E-" + jobId,
                new JobTimings(Instant.parse("2026-11-23T10:00:01Z"), null, Instant.parse("2026-11-23T10:00:02Z")),
                Map.of("seed", 7));
    }

    @Test
    void everythingRecordedIsReadBackAfterReopening() {
        Path db = dir.resolve("runs.db");
        String id;
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            id = store.newRunId();
            store.runStarted(record(id, dispatch));
            store.jobSubmitting(id, "r0");
            store.jobAccepted(id, "r0", new ProviderJob("emu", "qpu", "E-r0", Map.of("region", "eu")));
            store.jobState(id, "r0", JobState.SUBMITTED, Instant.parse("2026-11-23T10:00:01Z"), null);
            store.jobState(id, "r0", JobState.COMPLETED, Instant.parse("2026-11-23T10:00:02Z"), null);
            store.jobResult(id, completed("r0", "emu"));
            store.jobState(id, "r1", JobState.FAILED, Instant.parse("2026-11-23T10:00:03Z"),
                    new JobError(JobError.Kind.EXECUTION_FAILED, "boom", "E42"));
            store.merged(id, new MergedResult("aggregate", Map.of("00", 40), Map.of("k", 1), Map.of("k", 2), null));
        }
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            StoredRun run = store.run(id).orElseThrow();
            assertThat(run.run().dispatch().toJson()).isEqualTo(dispatch.toJson());
            assertThat(run.run().mergePolicy()).isEqualTo("aggregate");
            assertThat(run.run().mergeData()).containsEntry("k", 1);
            assertThat(run.run().options()).containsEntry("jobTimeout", "PT1M").containsEntry("parallel", true);
            assertThat(run.jobs()).containsOnlyKeys("r0", "r1", "l0");
            StoredRun.StoredJob r0 = run.jobs().get("r0");
            assertThat(r0.handle()).isEqualTo(new ProviderJob("emu", "qpu", "E-r0", Map.of("region", "eu")));
            assertThat(r0.transitions()).extracting(StoredRun.Transition::state)
                    .containsExactly(JobState.SUBMITTED, JobState.COMPLETED);
            assertThat(r0.result().counts()).isEqualTo(completed("r0", "emu").counts());
            assertThat(r0.result().memory()).containsExactly("00", "11");
            assertThat(r0.result().timings()).isEqualTo(completed("r0", "emu").timings());
            assertThat(run.jobs().get("r1").transitions().get(0).error())
                    .isEqualTo(new JobError(JobError.Kind.EXECUTION_FAILED, "boom", "E42"));
            assertThat(run.jobs().get("l0").handle()).isNull();
            assertThat(run.merged().value()).isEqualTo(Map.of("00", 40));
            assertThat(run.merged().finalData()).containsEntry("k", 2);
            assertThat(store.submittingJobs(id)).containsExactly("r0");
            assertThat(store.runs()).extracting(RunRecord::runId).containsExactly(id);
        }
    }

    @Test
    void runIdsAreShortReadableAndUnique() {
        try (SqliteJobStore store = SqliteJobStore.open(dir.resolve("runs.db"))) {
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < 200; i++) {
                String id = store.newRunId();
                assertThat(id).matches("[2-9a-hjkmnp-z]{6}");
                ids.add(id);
            }
            assertThat(ids).hasSize(200);
        }
    }

    @Test
    void summariesShowProgressAndStatus() {
        try (SqliteJobStore store = SqliteJobStore.open(dir.resolve("runs.db"))) {
            String id = store.newRunId();
            store.runStarted(record(id, dispatch));
            store.jobResult(id, completed("r0", "emu"));
            RunSummary s = store.summary(id).orElseThrow();
            assertThat(s.status()).as("this live process holds the run").isEqualTo(RunStatus.RUNNING);
            assertThat(s.done()).isEqualTo(1);
            assertThat(s.total()).isEqualTo(3);
            assertThat(s.name()).isEqualTo("bell");
            store.label(id, "my experiment");
            store.jobResult(id, completed("r1", "emu"));
            store.jobResult(id, completed("l0", "local"));
            store.merged(id, new MergedResult("aggregate", Map.of(), Map.of(), Map.of(), null));
            s = store.summary(id).orElseThrow();
            assertThat(s.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(s.name()).isEqualTo("my experiment");
            assertThat(store.lease(id)).as("a finished run is released").isEmpty();
        }
    }

    @Test
    void aRunLeftByAProcessThatEndedIsInterrupted() {
        Path db = dir.resolve("runs.db");
        String id;
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            id = store.newRunId();
            store.runStarted(record(id, dispatch));
        }
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            assertThat(store.summary(id).orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
        }
    }

    @Test
    void pruneDeletesOnlyOlderRunsAndOnlyWhenAsked() {
        try (SqliteJobStore store = SqliteJobStore.open(dir.resolve("runs.db"))) {
            String old = store.newRunId();
            store.runStarted(new RunRecord(old, Instant.now().minus(Duration.ofDays(10)), dispatch, "", Map.of()));
            store.release(old);
            String recent = store.newRunId();
            store.runStarted(new RunRecord(recent, Instant.now(), dispatch, "", Map.of()));
            assertThat(store.runs()).hasSize(2);
            assertThat(store.prune(Instant.now().minus(Duration.ofDays(7)))).containsExactly(old);
            assertThat(store.runs()).extracting(RunRecord::runId).containsExactly(recent);
            assertThat(store.run(old)).isEmpty();
        }
    }

    @Test
    void aForeignSqliteDatabaseIsRefusedAndLeftUnchanged() throws Exception {
        Path db = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE photos(id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO photos(name) VALUES ('cat')");
        }
        byte[] before = Files.readAllBytes(db);
        assertThatThrownBy(() -> SqliteJobStore.open(db)).isInstanceOf(JournalException.class)
                .hasMessageContaining(db.toString()).hasMessageContaining("not a qexec run journal");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void aCorruptFileIsRefusedWithAClearMessageAndLeftUnchanged() throws Exception {
        Path db = dir.resolve("runs.db");
        byte[] junk = "this is not a database, just some text that happens to be long enough".repeat(100).getBytes();
        Files.write(db, junk);
        assertThatThrownBy(() -> SqliteJobStore.open(db)).isInstanceOf(JournalException.class)
                .hasMessageContaining(db.toString()).hasMessageContaining("not a usable qexec run journal");
        assertThat(Files.readAllBytes(db)).isEqualTo(junk);
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsAClearError() throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        assertThatThrownBy(() -> SqliteJobStore.open(blocker.resolve("runs.db"))).isInstanceOf(JournalException.class)
                .hasMessageContaining("cannot create the directory of the run journal");
    }

    @Test
    void aFullDiskFailsTheWriteWithAClearMessageAndKeepsWhatWasRecorded() {
        Path db = dir.resolve("runs.db");
        String first;
        try (SqliteJobStore store = SqliteJobStore.openLimited(db, 12)) {
            first = store.newRunId();
            store.runStarted(record(first, Experiments.mixed(1, 0, 0, 0, 0)));
            Dispatch big = Experiments.mixed(400, 0, 0, 0, 0);
            String second = store.newRunId();
            assertThatThrownBy(() -> store.runStarted(record(second, big))).isInstanceOf(JournalException.class)
                    .hasMessageContaining("the disk is full");
            assertThat(store.run(second)).as("the failed transaction left nothing half-written").isEmpty();
        }
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            assertThat(store.run(first)).isPresent();
            assertThat(store.run(first).orElseThrow().jobs()).containsOnlyKeys("r0");
        }
    }

    @Test
    void unknownRunsAndJobsAreClearErrors() {
        try (SqliteJobStore store = SqliteJobStore.open(dir.resolve("runs.db"))) {
            assertThatThrownBy(() -> store.acquire("nope42")).isInstanceOf(JournalException.class)
                    .hasMessageContaining("no run nope42");
            String id = store.newRunId();
            store.runStarted(record(id, dispatch));
            assertThatThrownBy(() -> store.jobSubmitting(id, "zz")).isInstanceOf(JournalException.class)
                    .hasMessageContaining("no job zz");
        }
    }
}
