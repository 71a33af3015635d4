package io.qexec.sim.statevector;

import io.qexec.circuit.Circuit;
import java.util.List;
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
 * Whole circuits: translation, fusion and every pass, on a state reset to |0> before each invocation
 * (the reset is not timed). QFT(n) and a random depth-20 brickwork circuit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
public class CircuitBench {
    /** Qubits. */
    @Param({"20", "22", "24"})
    public int n;

    /** Which circuit: {@code qft} or {@code random}. */
    @Param({"qft", "random"})
    public String circuit;

    /** Threads. */
    @Param({"2"})
    public int threads;

    /** Whether to use the Vector API kernels. */
    @Param({"false", "true"})
    public boolean vector;

    /** Widest fused dense block. */
    @Param({"3"})
    public int fuse;

    private io.qexec.sim.statevector.State state;
    private Engine engine;
    private Circuit c;

    /** Builds the circuit and allocates the state. */
    @Setup(Level.Trial)
    public void setup() {
        c = BenchCircuits.byName(circuit, n);
        state = io.qexec.sim.statevector.State.zero(n);
        engine = new Engine(threads, Engine.DEFAULT_PARALLEL_QUBITS);
    }

    /** Back to |0> with the identity layout. */
    @Setup(Level.Invocation)
    public void reset() {
        java.util.Arrays.fill(state.re, 0);
        java.util.Arrays.fill(state.im, 0);
        state.re[0] = 1;
        for (int q = 0; q < n; q++) {
            state.layout[q] = q;
        }
    }

    /** The gates left after evaluating the basis-state prefix, as the simulator does. */
    private BasisPrefix prefix() {
        return BasisPrefix.fold(BenchCircuits.gates(c));
    }

    /** Translate, fuse and run. */
    @Benchmark
    public double simulate() {
        BasisPrefix prefix = prefix();
        prefix.prepare(state);
        List<Kernel> kernels = new Fuser(new FusionOptions(fuse, FusionOptions.DEFAULT.maxDiagonalQubits(), true), vector)
                .compile(prefix.rest(), state.layout);
        engine.run(state, kernels);
        return state.re[1];
    }
}
