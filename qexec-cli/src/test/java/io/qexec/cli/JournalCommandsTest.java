package io.qexec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qexec.circuit.Circuit;
import io.qexec.dispatch.Dispatch;
import io.qexec.dispatch.Job;
import io.qexec.journal.SqliteJobStore;
import io.qexec.result.JobState;
import io.qexec.store.RunRecord;
import io.qexec.store.StoredRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runs, status, results, resume, cancel and runs prune against a journal in a temporary directory. */
class JournalCommandsTest {
    @TempDir
    Path dir;

    static Dispatch bells(int n) {
        Circuit bell = Circuit.builder(2, 2).name("bell").h(0).cx(0, 1).measure(0, 0).measure(1, 1).build();
        Dispatch.Builder b = Dispatch.builder();
        for (int i = 0; i < n; i++) {
            b.add("local", "statevector", new Job("j" + i, 0, bell, 200, Map.of("seed", 7 + i)));
        }
        return b.build();
    }

    /** A run recorded by a process that died before submitting anything. */
    String recordInterruptedRun(Path db, Instant created) {
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            String id = store.newRunId();
            store.runStarted(new RunRecord(id, created, bells(3), "aggregate", Map.of()));
            return id;
        }
    }

    @Test
    void anInterruptedRunIsListedResumedAndItsResultsPrinted() {
        Path db = dir.resolve("runs.db");
        String id = recordInterruptedRun(db, Instant.now());

        MainTest.Run runs = MainTest.run("runs", "--journal", db.toString());
        assertThat(runs.code()).isZero();
        assertThat(runs.out()).contains("ID").contains(id).contains("bell").contains("INTERRUPTED").contains("0/3");

        MainTest.Run resume = MainTest.run("resume", id, "--journal", db.toString());
        assertThat(resume.code()).as(resume.err()).isZero();
        assertThat(resume.out()).contains("run " + id + ": 3 jobs, 3 completed, 0 failed").contains("merged with aggregate");

        MainTest.Run status = MainTest.run("status", id, "--journal", db.toString());
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("FINISHED").contains("3/3").contains("j0").contains("COMPLETED")
                .contains("local/statevector");

        MainTest.Run json = MainTest.run("results", id, "--format", "json", "--journal", db.toString());
        assertThat(json.code()).isZero();
        assertThat(json.out()).contains("\"j2\"").contains("\"11\"");
        MainTest.Run csv = MainTest.run("results", id, "--format", "csv", "--journal", db.toString());
        assertThat(csv.out().lines().count()).isGreaterThanOrEqualTo(4);

        MainTest.Run again = MainTest.run("runs", "--journal", db.toString());
        assertThat(again.out()).contains("FINISHED").contains("3/3");
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            StoredRun run = store.run(id).orElseThrow();
            assertThat(run.jobs().values()).allMatch(j -> j.result() != null && j.result().state() == JobState.COMPLETED);
            assertThat(run.merged()).isNotNull();
        }
    }

    @Test
    void resultsWritesTheHtmlReportOfAnUnfinishedAndThenAFinishedRun() throws Exception {
        Path db = dir.resolve("runs.db");
        String id = recordInterruptedRun(db, Instant.now());
        Path before = dir.resolve("reports/before.html");
        MainTest.Run partial = MainTest.run("results", id, "--report", before.toString(), "--journal", db.toString());
        assertThat(partial.code()).as(partial.err()).isZero();
        assertThat(partial.err()).contains("report written to " + before);
        String html = Files.readString(before);
        assertThat(html).startsWith("<!DOCTYPE html>").contains(id).contains("0 of 3 jobs")
                .doesNotContain("<script src").doesNotContain("<link rel=\"stylesheet\" href");
        for (String job : java.util.List.of("j0", "j1", "j2")) {
            assertThat(html).contains("\"" + job + "\"");
        }
        assertThat(html).contains("pending").doesNotContain("<svg"); // no results, so no histogram

        assertThat(MainTest.run("resume", id, "--journal", db.toString()).code()).isZero();
        Path after = dir.resolve("after.html");
        MainTest.Run done = MainTest.run("results", id, "--report", after.toString(), "--journal", db.toString());
        assertThat(done.code()).as(done.err()).isZero();
        String finished = Files.readString(after);
        assertThat(finished).contains("3 of 3 jobs").contains("completed").contains("<svg").contains("aggregate");
        assertThat(finished).doesNotContain("pending");
    }

    @Test
    void runDetachPrintsTheRunIdAndABackgroundProcessCompletesIt() throws Exception {
        Path db = dir.resolve("runs.db");
        Path experiment = dir.resolve("small.yaml");
        Files.writeString(experiment, """
                name: small
                circuits:
                  - ghz: 3
                shots: 200
                seed: 11
                backends:
                  local: [statevector]
                merge: aggregate
                """);
        MainTest.Run detached = MainTest.run("run", experiment.toString(), "--detach", "--journal", db.toString());
        assertThat(detached.code()).as(detached.err()).isZero();
        String id = detached.out().trim();
        assertThat(id).matches("[2-9a-z]{6}");
        assertThat(detached.err()).contains("runs in the background");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        try (SqliteJobStore store = SqliteJobStore.open(db)) {
            while (System.nanoTime() < deadline && store.summary(id).orElseThrow().status() != io.qexec.journal.RunStatus.FINISHED) {
                Thread.sleep(200);
            }
            assertThat(store.summary(id).orElseThrow().status()).isEqualTo(io.qexec.journal.RunStatus.FINISHED);
            assertThat(store.run(id).orElseThrow().merged()).isNotNull();
        } finally {
            try (SqliteJobStore store = SqliteJobStore.open(db)) {
                store.lease(id).flatMap(l -> ProcessHandle.of(l.pid())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        MainTest.Run results = MainTest.run("results", id, "--format", "json", "--journal", db.toString());
        assertThat(results.code()).isZero();
        assertThat(results.out()).contains("\"000\"").contains("\"111\"");
    }

    @Test
    void runRecordsItsRunInTheJournal() throws Exception {
        Path db = dir.resolve("runs.db");
        Path experiment = dir.resolve("small.yaml");
        Files.writeString(experiment, "circuits: [{ghz: 2}]\nshots: 100\nseed: 3\nbackends: {local: [statevector]}\n");
        MainTest.Run run = MainTest.run("run", experiment.toString(), "--journal", db.toString(), "-q");
        assertThat(run.code()).as(run.err()).isZero();
        MainTest.Run runs = MainTest.run("runs", "--journal", db.toString());
        assertThat(runs.out()).contains("FINISHED").contains("1/1");
    }

    @Test
    void cancelRecordsUnfinishedJobsAsCancelledSoResumeRunsNothing() {
        Path db = dir.resolve("runs.db");
        String id = recordInterruptedRun(db, Instant.now());
        MainTest.Run cancel = MainTest.run("cancel", id, "--journal", db.toString());
        assertThat(cancel.code()).as(cancel.err()).isZero();
        assertThat(cancel.out()).contains("3 jobs cancelled");
        MainTest.Run status = MainTest.run("status", id, "--journal", db.toString());
        assertThat(status.out()).contains("CANCELLED").doesNotContain("PENDING");
        MainTest.Run results = MainTest.run("results", id, "--journal", db.toString());
        assertThat(results.code()).isEqualTo(3);
    }

    @Test
    void pruneDeletesOnlyOldRuns() {
        Path db = dir.resolve("runs.db");
        String old = recordInterruptedRun(db, Instant.now().minus(Duration.ofDays(40)));
        String recent = recordInterruptedRun(db, Instant.now());
        MainTest.Run prune = MainTest.run("runs", "prune", "--older-than", "30d", "--journal", db.toString());
        assertThat(prune.code()).as(prune.err()).isZero();
        assertThat(prune.out()).contains("deleted 1 run: " + old);
        MainTest.Run runs = MainTest.run("runs", "--journal", db.toString());
        assertThat(runs.out()).contains(recent).doesNotContain(old);
        assertThat(MainTest.run("runs", "prune", "--older-than", "soon", "--journal", db.toString()).err())
                .contains("qexec: --older-than: 'soon' is not an age");
    }

    @Test
    void unknownRunsAndBadJournalsAreOneLineErrors() throws Exception {
        Path db = dir.resolve("runs.db");
        recordInterruptedRun(db, Instant.now());
        MainTest.Run unknown = MainTest.run("status", "nope42", "--journal", db.toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("qexec: no run 'nope42'");
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "not a database ".repeat(200));
        MainTest.Run corrupt = MainTest.run("runs", "--journal", junk.toString());
        assertThat(corrupt.code()).isEqualTo(5);
        assertThat(corrupt.err()).startsWith("qexec: " + junk).contains("not a usable qexec run journal")
                .hasLineCount(1);
        MainTest.Run missing = MainTest.run("results", "abc", "--journal", dir.resolve("none.db").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no run journal at");
    }
}
