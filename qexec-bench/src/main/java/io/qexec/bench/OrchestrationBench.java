package io.qexec.bench;

import io.qexec.circuit.Circuit;
import io.qexec.dispatch.Dispatch;
import io.qexec.executor.QuantumExecutor;
import io.qexec.executor.RunOptions;
import io.qexec.provider.VirtualProvider;
import io.qexec.provider.local.LocalProvider;
import io.qexec.result.ResultCollector;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.statevector.StatevectorSimulator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Orchestration overhead: {@value #JOBS} single-qubit jobs (X then measure, {@value #SHOTS} shots, seeded) on the
 * embedded statevector backend, run through {@code runDispatch} (sequential and parallel, blocking, in-memory
 * job store) and by calling the same simulator directly in a loop. One operation is the whole batch, so
 * (runDispatch − direct) / {@value #JOBS} is the executor's cost per job.
 *
 * <p>{@code bench/run.sh OrchestrationBench -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OrchestrationBench {
    static final int JOBS = 10_000;
    static final int SHOTS = 100;

    private final StatevectorSimulator simulator = new StatevectorSimulator();
    private Circuit circuit;
    private SimulationOptions options;
    private Dispatch dispatch;
    private QuantumExecutor executor;

    @Setup(Level.Iteration)
    public void setUp() {
        circuit = Circuit.builder(1, 1).x(0).measure(0, 0).build();
        options = SimulationOptions.shots(SHOTS).withSeed(1).withThreads(1);
        Dispatch.Builder b = Dispatch.builder();
        for (int i = 0; i < JOBS; i++) {
            b.add("local", "statevector", circuit, SHOTS, Map.of("seed", 1));
        }
        dispatch = b.build();
        executor = QuantumExecutor.builder().virtualProvider(VirtualProvider.of(LocalProvider.create())).build();
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
        executor.close();
    }

    /** The baseline: the simulator called directly for every job, one after another. */
    @Benchmark
    public void direct(Blackhole bh) {
        for (int i = 0; i < JOBS; i++) {
            bh.consume(simulator.run(circuit, options));
        }
    }

    /** The same jobs through the executor, one after another in the caller's thread. */
    @Benchmark
    public ResultCollector runDispatchSequential() {
        return executor.runDispatch(dispatch, RunOptions.defaults().sequential());
    }

    /** The same jobs through the executor, on the local pool (one thread per core). */
    @Benchmark
    public ResultCollector runDispatchParallel() {
        return executor.runDispatch(dispatch, RunOptions.defaults());
    }
}
