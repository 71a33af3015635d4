package io.qexec.bench;

import io.qexec.circuit.Circuit;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import io.qexec.sim.density.DensityMatrixSimulator;
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
 * Density-matrix simulation of a noisy circuit: {@code qubits} qubits, 100 gates (a random mix of
 * one-qubit rotations and cx, about a third two-qubit) under the {@code fake_aria} noise model, so every gate
 * is followed by depolarizing and thermal-relaxation channels; 1000 shots are drawn from the result.
 *
 * <p>{@code bench/run.sh DensityMatrixBench -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DensityMatrixBench {
    @Param({"10"})
    public int qubits;

    @Param({"1", "2"})
    public int threads;

    private Circuit circuit;
    private SimulationOptions options;
    private final DensityMatrixSimulator simulator = new DensityMatrixSimulator();

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
