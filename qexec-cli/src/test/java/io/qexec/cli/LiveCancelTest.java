package io.qexec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qexec.journal.SqliteJobStore;
import io.qexec.result.JobState;
import io.qexec.store.StoredRun;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qexec cancel} on a run that another process is driving right now (a foreground {@code qexec run} in
 * another terminal): the driver is stopped and cancels its own jobs, the cancel command records the rest, every
 * IonQ job still running is cancelled at the emulator exactly once, and results that arrived are kept.
 */
class LiveCancelTest {
    @TempDir
    Path dir;

    @Test
    void cancellingARunDrivenByAnotherProcessStopsItAndCancelsEachRemoteJobOnce() throws Exception {
        try (CliProcesses cli = new CliProcesses(dir)) {
            URI emulator = cli.startIonQEmulator(120, 0); // IonQ jobs that would take two minutes
            Path experiment = dir.resolve("live.yaml");
            Files.writeString(experiment, """
                    name: live
                    circuits:
                      - ghz: 3
                      - ghz: 2
                      - qft: 3
                    shots: 100
                    backends:
                      local: [statevector]
                      ionq: [simulator]
                    seed: 3
                    """);
            Path db = dir.resolve("runs.db");
            Process run = cli.start(cli.env(emulator), "run", experiment.toString(), "--journal", db.toString());
            String runId = null;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (runId == null && System.nanoTime() < end) {
                assertThat(run.isAlive()).as(cli::describe).isTrue();
                runId = acceptedEverywhere(db);
                Thread.sleep(50);
            }
            assertThat(runId).as(() -> "the IonQ jobs were not all accepted\n" + cli.describe()).isNotNull();

            Process cancel = cli.start(cli.env(emulator), "cancel", runId, "--journal", db.toString());
            assertThat(cancel.waitFor(60, TimeUnit.SECONDS)).as(cli::describe).isTrue();
            assertThat(cancel.exitValue()).as(cli::describe).isZero();
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("the driving process ended").isTrue();
            assertThat(run.exitValue()).as("terminated by SIGTERM, 128 + 15").isEqualTo(143);
            assertThat(cli.describe()).contains("run " + runId + ": ").contains("stopped process " + run.pid());

            try (SqliteJobStore journal = SqliteJobStore.open(db)) {
                StoredRun r = journal.run(runId).orElseThrow();
                r.jobs().values().forEach(j -> {
                    assertThat(j.result()).as("every job has a final result").isNotNull();
                    JobState expected = j.provider().equals("ionq") ? JobState.CANCELLED : JobState.COMPLETED;
                    assertThat(j.result().state()).as(j.provider() + " job").isEqualTo(expected);
                });
                assertThat(journal.lease(runId)).as("no process holds the run").isEmpty();
            }
            JsonNode stats = CliProcesses.stats(emulator);
            assertThat(stats.path("submissions").asLong()).isEqualTo(3);
            assertThat(stats.path("cancellations").asLong()).as("each IonQ job cancelled once").isEqualTo(3);

            // nothing is left to resume
            Process resume = cli.start(cli.env(emulator), "resume", runId, "--journal", db.toString());
            assertThat(resume.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(CliProcesses.stats(emulator).path("submissions").asLong()).isEqualTo(3);
        }
    }

    /** The run's id once its three local jobs finished and its three IonQ jobs have provider ids, else null. */
    private static String acceptedEverywhere(Path db) {
        if (!Files.exists(db)) {
            return null;
        }
        try (SqliteJobStore journal = SqliteJobStore.open(db)) {
            if (journal.runs().isEmpty()) {
                return null;
            }
            String id = journal.runs().get(0).runId();
            StoredRun r = journal.run(id).orElseThrow();
            long ionq = r.jobs().values().stream().filter(j -> j.provider().equals("ionq") && j.handle() != null).count();
            long local = r.jobs().values().stream().filter(j -> j.provider().equals("local") && j.result() != null).count();
            return ionq == 3 && local == 3 ? id : null;
        } catch (RuntimeException beingCreated) {
            return null;
        }
    }
}
