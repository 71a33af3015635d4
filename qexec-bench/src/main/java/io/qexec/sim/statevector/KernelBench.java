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
 * Single gate passes on an n-qubit state: a dense 1-qubit gate (U; scalar and Vector API kernels), a
 * diagonal gate (rz) and cx, each on middle qubits (target n/2; cx control n/2 - 1, target n/2).
 * Compare with {@link BandwidthBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
public class KernelBench {
    /** Qubits. */
    @Param({"20", "24", "26"})
    public int n;

    /** Threads. */
    @Param({"1", "2"})
    public int threads;

    private io.qexec.sim.statevector.State state;
    private Engine engine;
    private Kernel dense1;
    private Kernel dense1Vector;
    private Kernel diagonal;
    private Kernel cx;

    /** Allocates and pre-touches the state, builds the kernels. */
    @Setup(Level.Trial)
    public void setup() {
        state = io.qexec.sim.statevector.State.zero(n);
        BenchCircuits.fill(state);
        engine = new Engine(threads, Engine.DEFAULT_PARALLEL_QUBITS);
        int t = n / 2;
        dense1 = KernelSelector.select(Gate.of(Matrices.u(0.7, 0.3, 1.1), t));
        diagonal = KernelSelector.select(Gate.of(Matrices.rz(0.3), t));
        cx = KernelSelector.select(new Gate(new int[] {t - 1}, new int[] {t}, Matrices.x()));
        dense1Vector = VectorSupport.upgrade(dense1);
        if (!(dense1 instanceof Dense1Kernel) || !(dense1Vector instanceof VectorDense1Kernel) || !(diagonal instanceof Diagonal1Kernel)
                || !(cx instanceof PermuteXKernel)) {
            throw new IllegalStateException("unexpected kernel selection");
        }
    }

    /** Dense 2x2 on qubit n/2. */
    @Benchmark
    public void dense1() {
        engine.run(state, dense1);
    }

    /** The same dense 2x2 with the Vector API kernel. */
    @Benchmark
    public void dense1Vector() {
        engine.run(state, dense1Vector);
    }

    /** rz on qubit n/2. */
    @Benchmark
    public void diagonal() {
        engine.run(state, diagonal);
    }

    /** cx from n/2 - 1 to n/2. */
    @Benchmark
    public void cx() {
        engine.run(state, cx);
    }
}
