package io.qexec.sim.statevector;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The machine's in-place read+write bandwidth on arrays shaped like a statevector: {@code a[i] *= c}
 * over the real and imaginary arrays of 2^n doubles each, split across threads the way the engine
 * splits a pass. One invocation moves 2^(n+1)*16 bytes, the same as one full gate pass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
public class BandwidthBench {
    /** Qubits of the equivalent state. */
    @Param({"20", "22", "24", "26"})
    public int n;

    /** Threads splitting the pass. */
    @Param({"1", "2"})
    public int threads;

    private io.qexec.sim.statevector.State state;
    private Engine engine;

    /** Allocates and pre-touches the arrays. */
    @Setup(Level.Trial)
    public void setup() {
        state = io.qexec.sim.statevector.State.zero(n);
        BenchCircuits.fill(state);
        engine = new Engine(threads, Engine.DEFAULT_PARALLEL_QUBITS);
    }

    /** One in-place scaling pass (by -1, so values stay bounded). */
    @Benchmark
    public void scale() {
        final double[] re = state.re;
        final double[] im = state.im;
        engine.forEachRange(re.length, (part, from, to) -> {
            for (int i = from; i < to; i++) {
                re[i] = -re[i];
            }
            for (int i = from; i < to; i++) {
                im[i] = -im[i];
            }
        });
    }
}
