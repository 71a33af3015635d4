package io.qexec.journal;

import io.qexec.dispatch.Job;
import io.qexec.provider.Backend;
import io.qexec.provider.BackendStatus;
import io.qexec.provider.OptionSpec;
import io.qexec.provider.Provider;
import io.qexec.provider.ProviderException;
import io.qexec.provider.ProviderJob;
import io.qexec.provider.ProviderJobStatus;
import io.qexec.provider.ProviderResult;
import io.qexec.provider.Submission;
import io.qexec.result.JobError;
import io.qexec.result.JobState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * A test provider whose "server" is a folder, so that it outlives the process that submitted to it: a job is
 * kept as a file, then accepted by appending (and syncing) its id to {@code submissions.log} (the submission
 * counter; a lookup finds only logged jobs); a job completes {@code durationMs} (job option) after submission;
 * counts depend only on the job's {@code seed} option and shots. With {@code site LOCAL} it runs the job while
 * submitting instead and appends to {@code executions.log}.
 */
final class FolderProvider implements Provider {
    private final String name;
    private final Path folder;
    private final Site site;
    private final long submitDelayMs;
    private final boolean searchable;

    FolderProvider(String name, Path folder, Site site, long submitDelayMs, boolean searchable) {
        this.name = name;
        this.folder = folder;
        this.site = site;
        this.submitDelayMs = submitDelayMs;
        this.searchable = searchable;
        try {
            Files.createDirectories(folder.resolve("jobs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FolderProvider remote(Path folder, long submitDelayMs, boolean searchable) {
        return new FolderProvider("emu", folder, Site.REMOTE, submitDelayMs, searchable);
    }

    static FolderProvider local(Path folder) {
        return new FolderProvider("local", folder, Site.LOCAL, 0, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Backend> backends() {
        return List.of(Backend.builder(name, "qpu").status(BackendStatus.ONLINE).numQubits(5)
                .nativeGates(Set.of("x", "cx", "h")).option("seed", OptionSpec.Type.INTEGER, "seed")
                .option("durationMs", OptionSpec.Type.INTEGER, "how long the job runs").build());
    }

    @Override
    public Site site() {
        return site;
    }

    @Override
    public Duration pollInterval() {
        return Duration.ofMillis(50);
    }

    @Override
    public Submission submit(Backend backend, Job job) {
        if (site == Site.LOCAL) {
            sleep(duration(job));
            append("executions.log", job.id());
            return Submission.finished(ProviderJob.of(name, backend.name(), "L-" + job.id()), counts(job));
        }
        String id = "E-" + job.id();
        write(folder.resolve("jobs").resolve(id), job.id() + "\n" + System.currentTimeMillis() + "\n" + duration(job)
                + "\n" + seed(job) + "\n" + job.shots());
        // The synced log line is the acceptance: a job is at the "server" once it is logged.
        append("submissions.log", job.id());
        sleep(submitDelayMs);
        return Submission.accepted(ProviderJob.of(name, backend.name(), id));
    }

    @Override
    public Optional<ProviderJob> findSubmitted(Backend backend, Job job) {
        if (!searchable) {
            throw new UnsupportedOperationException(name + " cannot look up jobs");
        }
        return log(folder, "submissions.log").contains(job.id())
                ? Optional.of(ProviderJob.of(name, backend.name(), "E-" + job.id())) : Optional.empty();
    }

    @Override
    public ProviderJobStatus status(ProviderJob job) {
        List<String> lines = read(job);
        if (lines.get(0).startsWith("cancelled")) {
            return new ProviderJobStatus(JobState.CANCELLED, JobError.of(JobError.Kind.CANCELLED, "cancelled"));
        }
        long end = Long.parseLong(lines.get(1)) + Long.parseLong(lines.get(2));
        return ProviderJobStatus.of(System.currentTimeMillis() >= end ? JobState.COMPLETED : JobState.RUNNING);
    }

    @Override
    public ProviderResult result(ProviderJob job) {
        List<String> lines = read(job);
        append("fetches.log", lines.get(0));
        return counts(Long.parseLong(lines.get(3)), Integer.parseInt(lines.get(4)));
    }

    @Override
    public boolean cancel(ProviderJob job) {
        List<String> lines = read(job);
        write(folder.resolve("jobs").resolve(job.id()), "cancelled " + String.join("\n", lines));
        return true;
    }

    /** Job ids in the order they were submitted (or executed, for a local folder provider). */
    static List<String> log(Path folder, String file) {
        Path p = folder.resolve(file);
        try {
            return Files.exists(p) ? Files.readAllLines(p).stream().filter(s -> !s.isBlank()).toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProviderResult counts(Job job) {
        return counts(seed(job), job.shots());
    }

    static ProviderResult counts(long seed, int shots) {
        Random r = new Random(seed);
        long zeros = 0;
        for (int i = 0; i < shots; i++) {
            if (r.nextBoolean()) {
                zeros++;
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        if (zeros > 0) {
            counts.put("00", zeros);
        }
        if (shots - zeros > 0) {
            counts.put("11", shots - zeros);
        }
        return new ProviderResult(new TreeMap<>(counts), List.of(), Map.of("seed", seed), null, null);
    }

    private List<String> read(ProviderJob job) {
        try {
            return Files.readAllLines(folder.resolve("jobs").resolve(job.id()));
        } catch (IOException e) {
            throw new ProviderException(JobError.Kind.EXECUTION_FAILED, "no job " + job.id(), "404");
        }
    }

    private static long seed(Job job) {
        return ((Number) job.options().getOrDefault("seed", 0)).longValue();
    }

    private static long duration(Job job) {
        return ((Number) job.options().getOrDefault("durationMs", 0)).longValue();
    }

    private static void sleep(long ms) {
        if (ms > 0) {
            LockSupport.parkNanos(Duration.ofMillis(ms).toNanos());
        }
    }

    private synchronized void append(String file, String line) {
        try (FileChannel ch = FileChannel.open(folder.resolve(file), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String text) {
        try {
            Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, p, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
