package io.qexec.bench;

import io.qexec.circuit.Circuit;
import io.qexec.dispatch.Dispatch;
import io.qexec.dispatch.Job;
import io.qexec.executor.QuantumExecutor;
import io.qexec.executor.RunOptions;
import io.qexec.journal.SqliteJobStore;
import io.qexec.provider.VirtualProvider;
import io.qexec.provider.local.LocalProvider;
import io.qexec.result.ResultCollector;
import io.qexec.store.InMemoryJobStore;
import io.qexec.store.JobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The journal's cost: one run of {@code jobs} small local jobs (a Bell circuit, 100 shots, seeded) through the
 * executor, recorded in memory ({@code memory}) or in a fresh SQLite journal ({@code sqlite}). The overhead per
 * job is the difference of the two divided by {@code jobs}. The secondary result {@code cpuMs} is the process's
 * CPU time during the run, a steadier figure than wall time on a shared machine.
 *
 * <p>{@code bench/run.sh JournalBench -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JournalBench {
    @Param({"10000"})
    int jobs;

    @Param({"memory", "sqlite"})
    String store;

    Dispatch dispatch;
    Path dir;
    SqliteJobStore journal;
    QuantumExecutor executor;

    @Setup(Level.Trial)
    public void plan() {
        Circuit bell = Circuit.builder(2, 2).name("bell").h(0).cx(0, 1).measure(0, 0).measure(1, 1).build();
        Dispatch.Builder b = Dispatch.builder();
        for (int i = 0; i < jobs; i++) {
            b.add("local", "statevector", new Job("j" + i, 0, bell, 100, Map.of("seed", i)));
        }
        dispatch = b.build();
    }

    @Setup(Level.Invocation)
    public void open() throws IOException {
        JobStore s;
        if (store.equals("sqlite")) {
            dir = Files.createTempDirectory("qexec-journal-bench");
            journal = SqliteJobStore.open(dir.resolve("runs.db"));
            s = journal;
        } else {
            s = new InMemoryJobStore();
        }
        executor = QuantumExecutor.builder().virtualProvider(VirtualProvider.of(LocalProvider.create())).jobStore(s).build();
    }

    /** The process's CPU time during the run, next to the wall time JMH measures (machines here are shared). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        /** CPU milliseconds of every thread of the process during the run. */
        public double cpuMs;
    }

    @Benchmark
    public ResultCollector run(Cpu cpu) {
        long before = cpuMillis();
        ResultCollector c = executor.runDispatch(dispatch, RunOptions.defaults().merge("aggregate"));
        cpu.cpuMs += cpuMillis() - before;
        if (c.stateCounts().getOrDefault(io.qexec.result.JobState.COMPLETED, 0) != jobs) {
            throw new IllegalStateException("not every job completed: " + c.stateCounts());
        }
        return c;
    }

    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
    }

    @TearDown(Level.Invocation)
    public void close() throws IOException {
        executor.close();
        if (journal != null) {
            journal.close();
            journal = null;
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
