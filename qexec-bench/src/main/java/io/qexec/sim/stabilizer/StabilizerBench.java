package io.qexec.sim.stabilizer;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.CircuitBuilder;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stabilizer simulator on GHZ(n) with every qubit measured: the whole run through the public API
 * (translation, one reference tableau run, Pauli-frame sampling, counts), and its two engine parts alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StabilizerBench {
    /** Qubits. */
    @Param({"1000"})
    public int n;

    /** Shots. */
    @Param({"1000"})
    public int shots;

    private Circuit circuit;
    private Program program;
    private final StabilizerSimulator simulator = new StabilizerSimulator();

    /** Builds GHZ(n). */
    @Setup(Level.Trial)
    public void setup() {
        CircuitBuilder b = Circuit.builder(n).h(0);
        for (int q = 0; q + 1 < n; q++) {
            b.cx(q, q + 1);
        }
        circuit = b.measureAll().build();
        program = CircuitTranslator.translate(circuit);
    }

    /** The whole run: GHZ(n), {@code shots} shots, counts. */
    @Benchmark
    public SimulationResult simulate() {
        return simulator.run(circuit, SimulationOptions.shots(shots).withSeed(1));
    }

    /** One tableau run of the program (the reference sample). */
    @Benchmark
    public boolean[] referenceRun() {
        return TableauRunner.runShot(program, new SplittableRandom(1));
    }

    /** The reference run plus frame propagation for every shot, without counting. */
    @Benchmark
    public ShotBits sample() {
        return FrameSampler.sample(program, shots, new SplittableRandom(1));
    }
}
