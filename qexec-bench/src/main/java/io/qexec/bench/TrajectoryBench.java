package io.qexec.bench;

import io.qexec.circuit.Circuit;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import io.qexec.sim.noise.TrajectorySimulator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Monte-Carlo trajectories on the workload of {@link DensityMatrixBench}: {@code qubits} qubits, 100 gates
 * (about a third cx) under the {@code fake_aria} noise model, 1000 shots, one trajectory per shot.
 *
 * <p>{@code bench/run.sh TrajectoryBench -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrajectoryBench {
    @Param({"10"})
    public int qubits;

    @Param({"1"})
    public int threads;

    private Circuit circuit;
    private SimulationOptions options;
    private final TrajectorySimulator simulator = new TrajectorySimulator();

    @Setup
    public void setUp() {
        circuit = NoisyWorkload.circuit(qubits);
        options = NoisyWorkload.options(threads);
    }

    @Benchmark
    public SimulationResult noisyCircuit() {
        return simulator.run(circuit, options);
    }
}
