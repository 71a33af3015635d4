package io.qexec.bench;

import io.qexec.circuit.Circuit;
import io.qexec.qasm.OpenQasm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * OpenQASM 2 parse speed on QASMBench's largest file, {@code small/hhl_n10/hhl_n10.qasm} (3.3 MB, about 187k
 * gates), read from {@code ../shared/testdata} (or the {@code qexec.testdata} system property). The file's
 * last lines measure registers {@code q} and {@code c} that it never declares, so the benchmark parses the text
 * before them (every gate). The {@code gates} counter is the figure of merit: gates parsed per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ParseBench {
    private String source;

    /** Counts gates parsed; JMH reports it as a rate (gates/s). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Gates {
        public long gates;

        @Setup(Level.Iteration)
        public void clear() {
            gates = 0;
        }
    }

    @Setup
    public void load() throws IOException {
        Path file = locate().resolve("qasmbench/small/hhl_n10/hhl_n10.qasm");
        String text = Files.readString(file);
        int cut = text.indexOf("\nmeasure q[");
        source = cut < 0 ? text : text.substring(0, cut + 1);
    }

    private static Path locate() {
        String property = System.getProperty("qexec.testdata");
        List<Path> candidates = property != null ? List.of(Path.of(property))
                : List.of(Path.of("../shared/testdata"), Path.of("../../shared/testdata"), Path.of("/work/shared/testdata"));
        for (Path p : candidates) {
            if (Files.isDirectory(p.resolve("qasmbench"))) {
                return p;
            }
        }
        throw new IllegalStateException("test data not found; pass -Dqexec.testdata=DIR (tried " + candidates + ")");
    }

    /**
     * A second view that a loaded machine does not inflate: parses the file {@code args[0]} times (default 20)
     * and prints each parse's gates per second of this thread's CPU time. Run with
     * {@code java -cp qexec-bench/target/benchmarks.jar io.qexec.bench.ParseBench}.
     */
    public static void main(String[] args) throws IOException {
        ParseBench bench = new ParseBench();
        bench.load();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        for (int i = 0; i < rounds; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            Circuit c = OpenQasm.parse(bench.source, "hhl_n10.qasm");
            long cpuNanos = threads.getCurrentThreadCpuTime() - cpu;
            long wallNanos = System.nanoTime() - wall;
            System.out.printf("parse %2d: %d gates, cpu %.1f ms (%.2f M gates/s), wall %.1f ms (%.2f M gates/s)%n", i,
                    c.gateCount(), cpuNanos / 1e6, c.gateCount() * 1e3 / cpuNanos, wallNanos / 1e6,
                    c.gateCount() * 1e3 / wallNanos);
        }
    }

    @Benchmark
    public Circuit parseHhlN10(Gates counter) {
        Circuit c = OpenQasm.parse(source, "hhl_n10.qasm");
        counter.gates += c.gateCount();
        return c;
    }
}
