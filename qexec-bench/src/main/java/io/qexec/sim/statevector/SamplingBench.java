package io.qexec.sim.statevector;

import io.qexec.sim.AliasTable;
import java.util.SplittableRandom;
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
 * Drawing 10^6 shots from a 20-qubit state (a random depth-20 circuit's output, all qubits measured):
 * the exact distribution, the alias table, the draws, and all three together.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
public class SamplingBench {
    /** Qubits. */
    @Param({"20"})
    public int n;

    /** Shots. */
    @Param({"1000000"})
    public int shots;

    private io.qexec.sim.statevector.State state;
    private Engine engine;
    private int[] all;
    private double[] probabilities;
    private AliasTable table;

    /** Prepares the state. */
    @Setup(Level.Trial)
    public void setup() {
        state = io.qexec.sim.statevector.State.zero(n);
        engine = new Engine(2, Engine.DEFAULT_PARALLEL_QUBITS);
        engine.run(state, new Fuser(FusionOptions.DEFAULT).compile(
                BenchCircuits.gates(BenchCircuits.random(n, 20, 7)), state.layout));
        all = io.qexec.sim.statevector.State.identity(n);
        probabilities = Measurements.marginal(state, all, engine);
        table = AliasTable.of(probabilities);
    }

    /** The exact distribution over all qubits. */
    @Benchmark
    public double[] distribution() {
        return Measurements.marginal(state, all, engine);
    }

    /** Building the alias table from the distribution. */
    @Benchmark
    public AliasTable aliasTable() {
        return AliasTable.of(probabilities);
    }

    /** Drawing the shots as counts. */
    @Benchmark
    public int[] draws() {
        return table.sampleCounts(shots, new SplittableRandom(1));
    }

    /** Distribution, table and draws: the whole sampling step. */
    @Benchmark
    public int[] endToEnd() {
        return AliasTable.of(Measurements.marginal(state, all, engine)).sampleCounts(shots, new SplittableRandom(1));
    }
}
