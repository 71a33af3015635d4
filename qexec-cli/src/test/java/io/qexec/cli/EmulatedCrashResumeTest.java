package io.qexec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qexec.dispatch.Dispatch;
import io.qexec.journal.SqliteJobStore;
import io.qexec.provider.Provider;
import io.qexec.remote.emulator.EmulatorServer;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import io.qexec.store.StoredRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The durability proof against the real command line and a real {@code qexec emulate ionq} server, each in its own
 * JVM: a {@code qexec run} is killed with SIGKILL at three points, {@code qexec resume} finishes it in a new process,
 * and the emulator's own counters (read from {@code /_emulator/stats}) show every IonQ job submitted exactly once,
 * while every result equals the one an uninterrupted run of the same experiment gets from a fresh emulator.
 */
class EmulatedCrashResumeTest {
    private static final int IONQ_JOBS = 4;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** The uninterrupted run's counts, computed once for the three kill points. */
    private static Map<String, SortedMap<String, Long>> reference;

    private CliProcesses cli;

    enum Point { AFTER_INTENTS, AFTER_SOME_PROVIDER_IDS, WHILE_RESULTS_ARRIVE }

    @ParameterizedTest
    @ValueSource(strings = {"AFTER_INTENTS", "AFTER_SOME_PROVIDER_IDS", "WHILE_RESULTS_ARRIVE"})
    void aKilledRunResumesWithEveryJobSubmittedOnceAndTheSameResults(String pointName) throws Exception {
        Point point = Point.valueOf(pointName);
        cli = new CliProcesses(dir);
        try {
            // the reference: the same experiment, uninterrupted, against a fresh emulator with the same seed
            if (reference == null) {
                reference = countsByEntry(completedRun("reference"));
            }
            Map<String, SortedMap<String, Long>> expected = reference;

            // answers slow enough that the kill lands inside a submission for the first point
            URI emulator = cli.startIonQEmulator(2, point == Point.AFTER_INTENTS ? 600 : 100);
            Path db = dir.resolve("runs.db");
            Process run = cli.start(cli.env(emulator), "run", experiment().toString(), "--journal", db.toString(),
                    "--format", "json");
            Predicate<StoredRun> reached = switch (point) {
                case AFTER_INTENTS -> r -> requests(emulator) > 0 && ionqJobs(r)
                        .noneMatch(j -> j.handle() != null);
                case AFTER_SOME_PROVIDER_IDS -> r -> ionqJobs(r).anyMatch(j -> j.handle() != null);
                case WHILE_RESULTS_ARRIVE -> r -> ionqJobs(r).anyMatch(j -> j.result() != null);
            };
            String runId = waitFor(db, run, reached);
            run.destroyForcibly();
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (SqliteJobStore journal = SqliteJobStore.open(db)) {
                assertThat(journal.run(runId).orElseThrow().merged()).as("the run was really interrupted").isNull();
            }

            Process resume = cli.start(cli.env(emulator), "resume", runId, "--journal", db.toString());
            assertThat(resume.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as(cli::describe).isTrue();
            assertThat(resume.exitValue()).as(cli::describe).isZero();

            try (SqliteJobStore journal = SqliteJobStore.open(db)) {
                StoredRun done = journal.run(runId).orElseThrow();
                assertThat(done.merged()).as("the merge is recorded").isNotNull();
                assertThat(countsByEntry(done)).as("every result equals the uninterrupted run's").isEqualTo(expected);
                JsonNode stats = CliProcesses.stats(emulator);
                assertThat(stats.path("submissions").asLong()).as("submissions at the emulator").isEqualTo(IONQ_JOBS);
                for (Dispatch.Entry e : done.run().dispatch()) {
                    if (e.provider().equals("ionq")) {
                        assertThat(stats.path("submissions_by_key").path(Provider.tag(runId, e.job().id())).asLong())
                                .as("submissions of job " + e.job().id()).isEqualTo(1);
                    }
                }
            }
        } finally {
            cli.close();
        }
    }

    /** Four circuits on the embedded statevector and IonQ's (emulated) simulator, seeded on both. */
    private Path experiment() throws IOException {
        Path f = dir.resolve("experiment.yaml");
        if (!Files.exists(f)) {
            Files.writeString(f, """
                    name: crash
                    circuits:
                      - ghz: 3
                      - qft: 3
                      - ghz: 2
                      - ghz: 4
                    shots: 200
                    backends:
                      local: [statevector]
                      ionq:
                        - name: simulator
                          options: {noise_model: ideal, noise_seed: 11}
                    merge: aggregate
                    execution: parallel
                    seed: 7
                    """);
        }
        return f;
    }

    private StoredRun completedRun(String name) throws Exception {
        URI emulator = cli.startIonQEmulator(2, 0);
        Path db = dir.resolve(name + ".db");
        Process p = cli.start(cli.env(emulator), "run", experiment().toString(), "--journal", db.toString(), "--format", "json");
        assertThat(p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as(cli::describe).isTrue();
        assertThat(p.exitValue()).as(cli::describe).isZero();
        try (SqliteJobStore journal = SqliteJobStore.open(db)) {
            return journal.run(journal.runs().get(0).runId()).orElseThrow();
        }
    }

    /** Counts of every job, keyed by what identifies it across runs: provider, backend and circuit. */
    private static Map<String, SortedMap<String, Long>> countsByEntry(StoredRun run) {
        Map<String, SortedMap<String, Long>> out = new HashMap<>();
        for (Dispatch.Entry e : run.run().dispatch()) {
            JobResult r = run.jobs().get(e.job().id()).result();
            assertThat(r).as("result of " + e.job().id()).isNotNull();
            assertThat(r.state()).as("state of " + e.job().id()).isEqualTo(JobState.COMPLETED);
            out.put(e.provider() + "/" + e.backend() + "/" + e.job().circuitIndex(), r.counts());
        }
        return out;
    }

    private static java.util.stream.Stream<StoredRun.StoredJob> ionqJobs(StoredRun r) {
        return r.jobs().values().stream().filter(j -> j.provider().equals("ionq"));
    }

    /** Waits until the run is in the journal and {@code reached} holds; returns its id. */
    private String waitFor(Path db, Process child, Predicate<StoredRun> reached) throws Exception {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < end) {
            assertThat(child.isAlive()).as(() -> "the run ended before the kill point\n" + cli.describe()).isTrue();
            if (Files.exists(db)) {
                try (SqliteJobStore journal = SqliteJobStore.open(db)) {
                    if (!journal.runs().isEmpty()) {
                        String id = journal.runs().get(0).runId();
                        StoredRun r = journal.run(id).orElseThrow();
                        if (r.jobs().size() == 2 * IONQ_JOBS && reached.test(r)) {
                            return id;
                        }
                    }
                } catch (RuntimeException stillBeingCreated) {
                    // the child is creating the file; look again
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the kill point was not reached\n" + cli.describe());
    }

    private static long requests(URI emulator) {
        try {
            return CliProcesses.stats(emulator).path("requests").asLong();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
