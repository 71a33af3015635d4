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

    private final List<Process> children = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    enum Point { AFTER_INTENTS, AFTER_SOME_PROVIDER_IDS, WHILE_RESULTS_ARRIVE }

    @ParameterizedTest
    @ValueSource(strings = {"AFTER_INTENTS", "AFTER_SOME_PROVIDER_IDS", "WHILE_RESULTS_ARRIVE"})
    void aKilledRunResumesWithEveryJobSubmittedOnceAndTheSameResults(String pointName) throws Exception {
        Point point = Point.valueOf(pointName);
        try {
            // the reference: the same experiment, uninterrupted, against a fresh emulator with the same seed
            if (reference == null) {
                reference = countsByEntry(completedRun("reference"));
            }
            Map<String, SortedMap<String, Long>> expected = reference;

            // answers slow enough that the kill lands inside a submission for the first point
            URI emulator = startEmulator(point == Point.AFTER_INTENTS ? 600 : 100);
            Path db = dir.resolve("runs.db");
            Process run = start(env(emulator), "run", experiment().toString(), "--journal", db.toString(),
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

            Process resume = start(env(emulator), "resume", runId, "--journal", db.toString());
            assertThat(resume.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as(this::describe).isTrue();
            assertThat(resume.exitValue()).as(this::describe).isZero();

            try (SqliteJobStore journal = SqliteJobStore.open(db)) {
                StoredRun done = journal.run(runId).orElseThrow();
                assertThat(done.merged()).as("the merge is recorded").isNotNull();
                assertThat(countsByEntry(done)).as("every result equals the uninterrupted run's").isEqualTo(expected);
                JsonNode stats = stats(emulator);
                assertThat(stats.path("submissions").asLong()).as("submissions at the emulator").isEqualTo(IONQ_JOBS);
                for (Dispatch.Entry e : done.run().dispatch()) {
                    if (e.provider().equals("ionq")) {
                        assertThat(stats.path("submissions_by_key").path(Provider.tag(runId, e.job().id())).asLong())
                                .as("submissions of job " + e.job().id()).isEqualTo(1);
                    }
                }
            }
        } finally {
            children.forEach(Process::destroyForcibly);
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
        URI emulator = startEmulator(0);
        Path db = dir.resolve(name + ".db");
        Process p = start(env(emulator), "run", experiment().toString(), "--journal", db.toString(), "--format", "json");
        assertThat(p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as(this::describe).isTrue();
        assertThat(p.exitValue()).as(this::describe).isZero();
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
            assertThat(child.isAlive()).as(() -> "the run ended before the kill point\n" + describe()).isTrue();
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
        throw new AssertionError("the kill point was not reached\n" + describe());
    }

    private URI startEmulator(long latencyMillis) throws Exception {
        Process p = start(Map.of(), "emulate", "ionq", "--job-seconds", "2", "--latency", Long.toString(latencyMillis),
                "--seed", "5");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as(this::describe).startsWith("http://127.0.0.1:");
        return URI.create(line.strip());
    }

    private static long requests(URI emulator) {
        try {
            return stats(emulator).path("requests").asLong();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode stats(URI emulator) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                emulator.resolve(EmulatorServer.STATS_PATH)).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body());
    }

    /** The child's environment: a config pointing IonQ at the emulator, with a dummy key. */
    private Map<String, String> env(URI emulator) throws IOException {
        Path config = dir.resolve("config-" + emulator.getPort() + ".yaml");
        Files.writeString(config, "providers:\n  ionq: {base_url: \"" + emulator + "\", api_key: emulator-key, "
                + "poll_initial: 0.1}\n");
        return Map.of("QEXEC_CONFIG", config.toString());
    }

    /** Starts {@code qexec ARGS} in a child JVM on this test's class path; its output goes to a log file. */
    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "-Dqexec.journal=" + dir.resolve("unused.db"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("QEXEC_") || k.startsWith("IONQ_"));
        pb.environment().putAll(env);
        Path log = dir.resolve("child-" + children.size() + ".log");
        logs.add(log);
        pb.redirectError(log.toFile());
        if (!args[0].equals("emulate")) {
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        Process p = pb.start();
        children.add(p);
        return p;
    }

    private String describe() {
        StringBuilder b = new StringBuilder();
        for (Path log : logs) {
            try {
                b.append("--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
            } catch (IOException e) {
                b.append("(unreadable)\n");
            }
        }
        return b.toString();
    }
}
